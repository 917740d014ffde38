package dev.protodec.codegen.mojo;

import dev.protodec.codegen.benchmark.BenchmarkRequest;
import dev.protodec.codegen.benchmark.BenchmarkRunner;
import dev.protodec.codegen.protoc.ProtocSettings;
import dev.protodec.codegen.sources.DependencyJar;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Measures protodec against protobuf-java and {@code DynamicMessage} on the project's own messages:
 * {@code mvn protodec:benchmark -Dprotodec.benchmark.type=pkg.Message}.
 *
 * <p>Writes a Maven project under {@code target/protodec-benchmark} (the project's {@code .proto} files
 * and their imports, protoc's protobuf-java classes, protodec's classes, one JMH class per type), builds
 * it with this Maven, cross-checks that every contender decodes every corpus message to the same values,
 * then times decode with every field read, decode with the top-level fields read, and encode, with
 * {@code -prof gc}. Prints a summary and writes {@code target/protodec-benchmark/run/report/report.md} and
 * {@code report.html}. A wrong type name, an unreadable corpus or corpus bytes that do not parse as the
 * type fail the build, naming the message by index and offset.
 */
@Mojo(name = "benchmark", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class BenchmarkMojo extends AbstractMojo {
  private static final Set<String> MAIN_SCOPES =
      Set.of(Artifact.SCOPE_COMPILE, Artifact.SCOPE_PROVIDED, Artifact.SCOPE_SYSTEM);

  private final BenchmarkRunner runner;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  /**
   * The message types to measure, by full name, separated by commas. A name that is not in the schema
   * fails the build with the list of the types there are.
   *
   * <pre>
   * &lt;benchmarkTypes&gt;acme.orders.v1.Order,acme.orders.v1.OrderEvent&lt;/benchmarkTypes&gt;
   * </pre>
   *
   * <p>Default: none (required).
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.type", required = true)
  String benchmarkTypes;

  /**
   * The corpus: a file of length-delimited messages (as protobuf-java's {@code writeDelimitedTo} writes
   * them) or a folder of one binary message per file. With several types, a folder holding one such file
   * or folder per type, named by the type's full name. Without it, messages are generated from the schema
   * with a fixed seed (see {@code benchmarkMessages}), and the report says so.
   *
   * <pre>
   * &lt;benchmarkCorpus&gt;${project.basedir}/src/test/resources/orders.bin&lt;/benchmarkCorpus&gt;
   * </pre>
   *
   * <p>Default: none (messages generated from the schema).
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.corpus")
  File benchmarkCorpus;

  /**
   * How long JMH runs: {@code quick} (1 fork, 2 × 1 s warm-up, 3 × 1 s measurement per benchmark: a few
   * minutes for a handful of types), {@code full} (2 forks, 5 × 2 s, 5 × 2 s), or {@code smoke} (1 fork,
   * 1 × 100 ms, 1 × 100 ms: for tests; the numbers mean nothing).
   *
   * <pre>
   * &lt;benchmarkMode&gt;full&lt;/benchmarkMode&gt;
   * </pre>
   *
   * <p>Default: {@code quick}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.mode", defaultValue = "quick")
  String benchmarkMode;

  /**
   * Without a corpus: how many messages to generate per type. Each has every field filled (one member
   * per oneof), {@code benchmarkRepeated} elements per repeated field or map, strings and bytes of
   * {@code benchmarkStringLength}, recursion cut at {@code benchmarkDepth}, from the seed
   * {@code benchmarkSeed}.
   *
   * <pre>
   * &lt;benchmarkMessages&gt;1000&lt;/benchmarkMessages&gt;
   * </pre>
   *
   * <p>Default: {@code 100}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.messages", defaultValue = "100")
  int benchmarkMessages;

  /**
   * Without a corpus: the generator's seed; the same seed gives the same messages.
   *
   * <pre>
   * &lt;benchmarkSeed&gt;7&lt;/benchmarkSeed&gt;
   * </pre>
   *
   * <p>Default: {@code 42}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.seed", defaultValue = "42")
  long benchmarkSeed;

  /**
   * Without a corpus: elements per repeated field and entries per map.
   *
   * <pre>
   * &lt;benchmarkRepeated&gt;10&lt;/benchmarkRepeated&gt;
   * </pre>
   *
   * <p>Default: {@code 3}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.repeated", defaultValue = "3")
  int benchmarkRepeated;

  /**
   * Without a corpus: the length of generated strings (characters) and bytes fields.
   *
   * <pre>
   * &lt;benchmarkStringLength&gt;64&lt;/benchmarkStringLength&gt;
   * </pre>
   *
   * <p>Default: {@code 12}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.stringLength", defaultValue = "12")
  int benchmarkStringLength;

  /**
   * Without a corpus: how deep generated messages nest (recursive messages stop there).
   *
   * <pre>
   * &lt;benchmarkDepth&gt;5&lt;/benchmarkDepth&gt;
   * </pre>
   *
   * <p>Default: {@code 3}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.depth", defaultValue = "3")
  int benchmarkDepth;

  /**
   * Where the generated benchmark project, its build log, the JMH results and the report go. Deleted
   * and written again on each run.
   *
   * <pre>
   * &lt;benchmarkDirectory&gt;${project.build.directory}/protodec-benchmark&lt;/benchmarkDirectory&gt;
   * </pre>
   *
   * <p>Default: <code>${project.build.directory}/protodec-benchmark</code>.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.directory", defaultValue = "${project.build.directory}/protodec-benchmark")
  File benchmarkDirectory;

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
   * Skips the benchmark (nothing is written or run), for builds that bind the goal to a phase.
   *
   * <pre>
   * &lt;benchmarkSkip&gt;true&lt;/benchmarkSkip&gt;
   * </pre>
   *
   * <p>Default: {@code false}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "protodec.benchmark.skip", defaultValue = "false")
  boolean benchmarkSkip;

  @Inject
  public BenchmarkMojo(BenchmarkRunner runner) {
    this.runner = runner;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (benchmarkSkip) {
      getLog().info("protodec:benchmark: skipped (protodec.benchmark.skip)");
      return;
    }
    runner.run(request(), getLog());
  }

  private BenchmarkRequest request() {
    List<DependencyJar> jars = new ArrayList<>();
    for (Artifact artifact : project.getArtifacts()) {
      File file = artifact.getFile();
      if (file != null && file.isFile() && file.getName().endsWith(".jar") && MAIN_SCOPES.contains(artifact.getScope())) {
        jars.add(new DependencyJar(artifact.getGroupId(), artifact.getArtifactId(), artifact.getClassifier(), file.toPath()));
      }
    }
    var execution = session.getRequest();
    return new BenchmarkRequest(
        List.of(benchmarkTypes.split(",")),
        Optional.ofNullable(benchmarkCorpus).map(File::toPath),
        benchmarkMode,
        List.of("--count", String.valueOf(benchmarkMessages), "--seed", String.valueOf(benchmarkSeed),
            "--repeated", String.valueOf(benchmarkRepeated), "--string-length", String.valueOf(benchmarkStringLength),
            "--depth", String.valueOf(benchmarkDepth)),
        protoSourceRoots.stream().map(f -> f.toPath().toAbsolutePath().normalize()).toList(),
        List.of(),
        jars,
        benchmarkDirectory.toPath().toAbsolutePath().normalize(),
        plugin.getVersion(),
        new ProtocSettings(protocVersion, Optional.empty(), session.getRepositorySession(),
            project.getRemoteProjectRepositories()),
        new BenchmarkRequest.ChildMaven(
            Path.of(System.getProperty("maven.home")),
            Optional.ofNullable(execution.getUserSettingsFile()).filter(File::isFile).map(File::toPath),
            Optional.ofNullable(execution.getGlobalSettingsFile()).filter(File::isFile).map(File::toPath),
            Path.of(session.getLocalRepository().getBasedir()),
            session.isOffline()));
  }
}
