package dev.protodec.codegen.mojo;

import dev.protodec.codegen.orchestration.GenerationOrchestrator;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates protodec decoders and encoders for the main code from {@code src/main/proto}.
 *
 * <p>Imports resolve from the source roots, {@code importPaths}, the {@code .proto} files in the
 * {@code compile}, {@code provided} and {@code system} dependency jars, and protobuf's well-known
 * types. The output directory becomes a compile source root.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_SOURCES,
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public final class GenerateMojo extends AbstractGenerateMojo {
  private static final Set<String> MAIN_SCOPES =
      Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED, Artifact.SCOPE_SYSTEM);

  /**
   * Directories holding the {@code .proto} files to generate code for. Each is also an import root,
   * so files import each other by their path below it.
   *
   * <pre>
   * &lt;protoSourceRoots&gt;
   *   &lt;protoSourceRoot&gt;${project.basedir}/src/main/proto&lt;/protoSourceRoot&gt;
   *   &lt;protoSourceRoot&gt;${project.basedir}/api&lt;/protoSourceRoot&gt;
   * &lt;/protoSourceRoots&gt;
   * </pre>
   *
   * <p>Default: <code>${project.basedir}/src/main/proto</code>.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.protoSourceRoots", defaultValue = "${project.basedir}/src/main/proto")
  List<File> protoSourceRoots;

  /**
   * Where the Java sources are written; added as a compile source root. The plugin owns this
   * directory: everything in it is deleted before each generation.
   *
   * <pre>
   * &lt;outputDirectory&gt;${project.build.directory}/generated-sources/protodec&lt;/outputDirectory&gt;
   * </pre>
   *
   * <p>Default: <code>${project.build.directory}/generated-sources/protodec</code>.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "protodec.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/protodec")
  File outputDirectory;

  @Inject
  public GenerateMojo(GenerationOrchestrator orchestrator) {
    super(orchestrator);
  }

  @Override
  String goal() {
    return "generate";
  }

  @Override
  List<File> protoSourceRoots() {
    return protoSourceRoots;
  }

  @Override
  File outputDirectory() {
    return outputDirectory;
  }

  @Override
  boolean importsFrom(Artifact artifact) {
    return artifact.getScope() == null || MAIN_SCOPES.contains(artifact.getScope());
  }

  @Override
  Path descriptorSetResourceRoot() {
    return buildDirectory().resolve("generated-resources").resolve("protodec");
  }

  @Override
  String descriptorSetFileName() {
    return project.getArtifactId() + ".desc";
  }

  @Override
  void addSourceRoot(String directory) {
    project.addCompileSourceRoot(directory);
  }

  @Override
  void addResource(Resource resource) {
    if (project.getResources().stream().noneMatch(r -> resource.getDirectory().equals(r.getDirectory()))) {
      project.addResource(resource);
    }
  }
}
