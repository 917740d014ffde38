package dev.protodec.codegen.mojo;

import dev.protodec.codegen.generator.GeneratorOptions;
import dev.protodec.codegen.orchestration.GenerationOrchestrator;
import dev.protodec.codegen.orchestration.GenerationOutcome;
import dev.protodec.codegen.orchestration.GenerationRequest;
import dev.protodec.codegen.protoc.ProtocSettings;
import dev.protodec.codegen.sources.DependencyJar;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What both goals share: the parameters that have the same default for main and test code, building
 * the request, and registering the outputs with the project.
 */
public abstract class AbstractGenerateMojo extends AbstractMojo {
  private final GenerationOrchestrator orchestrator;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  /**
   * Ant-style patterns, relative to a source root, of the {@code .proto} files to generate code for.
   * {@code **} matches any number of directories, {@code *} any part of a name.
   *
   * <pre>
   * &lt;includes&gt;
   *   &lt;include&gt;com/example/api/**&#47;*.proto&lt;/include&gt;
   * &lt;/includes&gt;
   * </pre>
   *
   * <p>Default: <code>**&#47;*.proto</code>.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.includes", defaultValue = "**/*.proto")
  List<String> includes;

  /**
   * Ant-style patterns of {@code .proto} files below the source roots to generate no code for. They
   * can still be imported.
   *
   * <pre>
   * &lt;excludes&gt;
   *   &lt;exclude&gt;**&#47;internal/*.proto&lt;/exclude&gt;
   * &lt;/excludes&gt;
   * </pre>
   *
   * <p>Default: none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.excludes")
  List<String> excludes;

  /**
   * Further directories that {@code import} statements are resolved from. No code is generated for
   * their files. Dependency jars and protobuf's well-known types ({@code google/protobuf/*.proto})
   * are importable without listing anything here.
   *
   * <pre>
   * &lt;importPaths&gt;
   *   &lt;importPath&gt;${project.basedir}/../shared/proto&lt;/importPath&gt;
   * &lt;/importPaths&gt;
   * </pre>
   *
   * <p>Default: none.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.importPaths")
  List<File> importPaths;

  /**
   * Rewrites the Java packages of the generated code: comma-separated {@code from=to} pairs, tried
   * in order; a prefix matches a whole package or up to a {@code .}. Handy to generate protodec
   * classes beside protobuf-java's for the same schema.
   *
   * <pre>
   * &lt;replacePackages&gt;io.opentelemetry.proto=com.example.otel.fast,com.example.api=com.example.api.fast&lt;/replacePackages&gt;
   * </pre>
   *
   * <p>Default: none (the package is the {@code java_package} option, else the proto package).
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.replacePackages")
  String replacePackages;

  /**
   * The version of {@code com.google.protobuf:protoc} to resolve from the project's repositories.
   * The binary for this platform is picked by its classifier ({@code linux-x86_64},
   * {@code osx-aarch_64}, {@code windows-x86_64}, ...).
   *
   * <pre>
   * &lt;protocVersion&gt;4.36.2&lt;/protocVersion&gt;
   * </pre>
   *
   * <p>Default: {@code 4.36.2}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.protocVersion", defaultValue = "4.36.2", required = true)
  String protocVersion;

  /**
   * A protoc installed on this machine, used instead of resolving one. Needed on platforms without a
   * published protoc binary (FreeBSD, Linux on RISC-V, ...).
   *
   * <pre>
   * &lt;protocExecutable&gt;/usr/local/bin/protoc&lt;/protocExecutable&gt;
   * </pre>
   *
   * <p>Default: none (resolve {@code com.google.protobuf:protoc:<protocVersion>}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.protocExecutable")
  File protocExecutable;

  /**
   * Whether to package protoc's descriptor set (all compiled files and their imports, with comments)
   * as the resource {@code META-INF/protodec/<artifactId>.desc} ({@code <artifactId>-test.desc} for
   * {@code generate-test}). It is written below
   * <code>${project.build.directory}/generated-resources/protodec</code> (test:
   * {@code generated-test-resources/protodec}), which becomes a (test) resource directory.
   *
   * <pre>
   * &lt;writeDescriptorSet&gt;true&lt;/writeDescriptorSet&gt;
   * </pre>
   *
   * <p>Default: {@code false}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.writeDescriptorSet", defaultValue = "false")
  boolean writeDescriptorSet;

  /**
   * Whether to generate code for the imported files too: those from import paths, dependency jars and
   * protobuf's well-known types. Turn it on when no other artifact provides protodec classes for the
   * imported schemas; combine it with {@code replacePackages} to choose where they go. The well-known
   * types that {@code protodec-runtime} ships ({@code dev.protodec.wkt}) are not generated again
   * unless {@code replacePackages} moves {@code com.google.protobuf}.
   *
   * <pre>
   * &lt;generateImports&gt;true&lt;/generateImports&gt;
   * </pre>
   *
   * <p>Default: {@code false}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.generateImports", defaultValue = "false")
  boolean generateImports;

  /**
   * Also generates a grpc-java class for each {@code service}: {@code <Service>Grpc}, with a {@code
   * MethodDescriptor} per method marshalled by protodec, a {@code <Service>ImplBase} to extend on the
   * server, and async and blocking stubs. The generated code needs {@code dev.protodec:protodec-grpc}
   * and {@code io.grpc:grpc-stub} on the class path (and a transport such as {@code grpc-netty-shaded}
   * to run).
   *
   * <pre>
   * &lt;generateGrpc&gt;true&lt;/generateGrpc&gt;
   * </pre>
   *
   * <p>Default: {@code false}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.generateGrpc", defaultValue = "false")
  boolean generateGrpc;

  /**
   * Skips the plugin: nothing is generated and no source root is added.
   *
   * <pre>
   * &lt;skip&gt;true&lt;/skip&gt;
   * </pre>
   *
   * <p>Default: {@code false}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.skip", defaultValue = "false")
  boolean skip;

  protected AbstractGenerateMojo(GenerationOrchestrator orchestrator) {
    this.orchestrator = orchestrator;
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      getLog().info("protodec: skipped (" + skipReason() + "), nothing generated");
      return;
    }
    GenerationRequest request = request();
    if (orchestrator.generate(request, getLog()) == GenerationOutcome.NO_SOURCES) {
      return;
    }
    addSourceRoot(request.outputDirectory().toString());
    if (writeDescriptorSet) {
      Resource resource = new Resource();
      resource.setDirectory(descriptorSetResourceRoot().toString());
      addResource(resource);
    }
  }

  /** The goal's name, which also names the files it keeps in {@code target/protodec}. */
  abstract String goal();

  abstract List<File> protoSourceRoots();

  abstract File outputDirectory();

  /** Whether {@code skip} or a goal-specific switch turns the goal off. */
  boolean skipped() {
    return skip;
  }

  /** The switch that turned the goal off, for the log. */
  String skipReason() {
    return "protodec.skip";
  }

  /** Whether the goal imports from {@code artifact}: main code sees no test-scoped jars. */
  abstract boolean importsFrom(Artifact artifact);

  /** The resource directory that {@code META-INF/protodec/*.desc} is written below. */
  abstract Path descriptorSetResourceRoot();

  abstract String descriptorSetFileName();

  abstract void addSourceRoot(String directory);

  /** Adds {@code resource} unless its directory is already a (test) resource directory. */
  abstract void addResource(Resource resource);

  private GenerationRequest request() throws MojoExecutionException {
    List<Path> sourceRoots = absolute(protoSourceRoots());
    List<Path> imports = new ArrayList<>(absolute(importPaths));
    imports.addAll(dependencyDirectories());
    Path output = outputDirectory().toPath().toAbsolutePath().normalize();
    requireOwnOutputDirectory(output, sourceRoots, imports);
    Optional<Path> descriptorSet = writeDescriptorSet
        ? Optional.of(descriptorSetResourceRoot().resolve("META-INF/protodec").resolve(descriptorSetFileName()))
        : Optional.empty();
    File pluginJar = plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
    return new GenerationRequest(
        goal(),
        sourceRoots,
        includes == null ? List.of() : includes,
        excludes == null ? List.of() : excludes,
        imports,
        dependencyJars(),
        classPath(),
        output,
        parsedReplacePackages(),
        generateImports,
        generateGrpc,
        new ProtocSettings(
            protocVersion,
            Optional.ofNullable(protocExecutable).map(File::toPath),
            session.getRepositorySession(),
            project.getRemoteProjectRepositories()),
        descriptorSet,
        buildDirectory().resolve("protodec"),
        plugin.getVersion(),
        Optional.ofNullable(pluginJar).map(File::toPath));
  }

  Path buildDirectory() {
    return Path.of(project.getBuild().getDirectory());
  }

  private List<DependencyJar> dependencyJars() {
    List<DependencyJar> jars = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      File file = artifact.getFile();
      if (file != null && file.isFile() && file.getName().endsWith(".jar") && importsFrom(artifact)) {
        jars.add(new DependencyJar(
            artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier(), file.toPath()));
      }
    }
    return jars;
  }

  /**
   * Dependencies that are class directories, not jars: another module of the same reactor when the
   * build stops before {@code package} ({@code mvn compile}). Their {@code .proto} files are imported
   * from where they are, as a jar's would be.
   */
  private List<Path> dependencyDirectories() {
    List<Path> directories = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      File file = artifact.getFile();
      if (file != null && file.isDirectory() && importsFrom(artifact)) {
        directories.add(file.toPath().toAbsolutePath().normalize());
      }
    }
    return directories;
  }

  /** The dependencies' jars and class directories, after {@link #ownClassPath()}. */
  private List<Path> classPath() {
    List<Path> entries = new ArrayList<>(ownClassPath());
    for (Artifact artifact : project.getArtifacts()) {
      if (artifact.getFile() != null && importsFrom(artifact)) {
        entries.add(artifact.getFile().toPath());
      }
    }
    return entries;
  }

  /** Class directories of this project that generated code may refer to: none for main code. */
  List<Path> ownClassPath() {
    return List.of();
  }

  private Map<String, String> parsedReplacePackages() throws MojoExecutionException {
    try {
      return GeneratorOptions.parseReplacePackages(replacePackages);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /**
   * The output directory is emptied before each generation, so it must not hold, or be, anything
   * the user wrote.
   */
  private void requireOwnOutputDirectory(Path output, List<Path> sourceRoots, List<Path> imports)
      throws MojoExecutionException {
    List<Path> guarded = new ArrayList<>(sourceRoots);
    guarded.addAll(imports);
    guarded.add(project.getBasedir().toPath());
    guarded.add(Path.of(project.getBuild().getSourceDirectory()));
    guarded.add(Path.of(project.getBuild().getTestSourceDirectory()));
    for (Path path : guarded) {
      if (path.toAbsolutePath().normalize().startsWith(output)) {
        throw new MojoExecutionException("outputDirectory " + output + " contains " + path
            + ", but the plugin deletes everything in it before generating. "
            + "Give the generated sources a directory of their own, such as the default below target/.");
      }
    }
  }

  private static List<Path> absolute(List<File> files) {
    if (files == null) {
      return List.of();
    }
    return files.stream().map(file -> file.toPath().toAbsolutePath().normalize()).toList();
  }
}
