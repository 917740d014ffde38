package dev.protodec.codegen.mojo;

import dev.protodec.codegen.orchestration.GenerationOrchestrator;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Generates protodec decoders and encoders for the tests from {@code src/test/proto}.
 *
 * <p>Imports resolve like {@code generate}'s, from dependency jars of every scope including
 * {@code test}. The output directory becomes a test compile source root.
 *
 * <p>Its source roots and output directory are parameters of their own ({@code testProtoSourceRoots},
 * {@code testOutputDirectory}), so configuring {@code generate} at plugin level never points both
 * goals at the same directories.
 */
@Mojo(
    name = "generate-test",
    defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES,
    requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class GenerateTestMojo extends AbstractGenerateMojo {

  /**
   * Directories holding the test {@code .proto} files to generate code for. Each is also an import
   * root.
   *
   * <pre>
   * &lt;testProtoSourceRoots&gt;
   *   &lt;testProtoSourceRoot&gt;${project.basedir}/src/test/proto&lt;/testProtoSourceRoot&gt;
   * &lt;/testProtoSourceRoots&gt;
   * </pre>
   *
   * <p>Default: <code>${project.basedir}/src/test/proto</code>.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "protodec.testProtoSourceRoots",
      defaultValue = "${project.basedir}/src/test/proto")
  List<File> testProtoSourceRoots;

  /**
   * Where the Java sources for the tests are written; added as a test compile source root. The
   * plugin owns this directory: everything in it is deleted before each generation.
   *
   * <pre>
   * &lt;testOutputDirectory&gt;${project.build.directory}/generated-test-sources/protodec&lt;/testOutputDirectory&gt;
   * </pre>
   *
   * <p>Default: <code>${project.build.directory}/generated-test-sources/protodec</code>.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "protodec.testOutputDirectory",
      defaultValue = "${project.build.directory}/generated-test-sources/protodec")
  File testOutputDirectory;

  /**
   * Maven's usual switch to skip compiling and running tests ({@code mvn install
   * -Dmaven.test.skip=true}); it skips this goal too.
   *
   * <pre>
   * &lt;mavenTestSkip&gt;true&lt;/mavenTestSkip&gt;
   * </pre>
   *
   * <p>Default: {@code false}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean mavenTestSkip;

  @Inject
  public GenerateTestMojo(GenerationOrchestrator orchestrator) {
    super(orchestrator);
  }

  @Override
  String goal() {
    return "generate-test";
  }

  @Override
  boolean skipped() {
    return super.skipped() || mavenTestSkip;
  }

  @Override
  String skipReason() {
    return skip ? super.skipReason() : "maven.test.skip";
  }

  @Override
  List<File> protoSourceRoots() {
    return testProtoSourceRoots;
  }

  @Override
  File outputDirectory() {
    return testOutputDirectory;
  }

  @Override
  boolean importsFrom(Artifact artifact) {
    return true;
  }

  @Override
  Path descriptorSetResourceRoot() {
    return buildDirectory().resolve("generated-test-resources").resolve("protodec");
  }

  @Override
  String descriptorSetFileName() {
    return project.getArtifactId() + "-test.desc";
  }

  @Override
  void addSourceRoot(String directory) {
    project.addTestCompileSourceRoot(directory);
  }

  @Override
  void addResource(Resource resource) {
    if (project.getTestResources().stream().noneMatch(r -> resource.getDirectory().equals(r.getDirectory()))) {
      project.addTestResource(resource);
    }
  }

  /** Test code may refer to the main code's protodec classes, compiled before this goal runs. */
  @Override
  List<Path> ownClassPath() {
    return List.of(Path.of(project.getBuild().getOutputDirectory()));
  }
}
