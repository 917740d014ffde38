package dev.protodec.codegen.benchmark;

import com.google.protobuf.Descriptors.Descriptor;
import dev.protodec.codegen.protoc.ProtocException;
import dev.protodec.codegen.protoc.ProtocResolver;
import dev.protodec.codegen.sources.FileTrees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs one {@link BenchmarkRequest}: probe the schema and check the types, write the child project
 * (sources, protoc's java_out, walks, one JMH class per type, POM), build it with the same Maven, then
 * run the harness on its class path. The harness's error line becomes the goal's failure.
 */
@Named
@Singleton
public final class BenchmarkRunner {
  /** The harness's main class and error prefix (protodec-benchmark-harness, not a dependency here). */
  static final String MAIN = "dev.protodec.benchmark.harness.BenchmarkMain";
  static final String ERROR_PREFIX = "protodec-benchmark: error: ";

  private final ProtocResolver protocResolver;

  @Inject
  public BenchmarkRunner(ProtocResolver protocResolver) {
    this.protocResolver = protocResolver;
  }

  public void run(BenchmarkRequest request, Log log) throws MojoExecutionException, MojoFailureException {
    requireReadableCorpus(request);
    try {
      Path project = request.directory();
      Path work = project.resolve("work");
      Path protoc = protocResolver.executable(request.protoc(), work.resolve("protoc"));
      SchemaProbe schema = SchemaProbe.run(request, protoc, work);
      List<Descriptor> types = new ArrayList<>();
      for (String name : request.types()) {
        types.add(schema.message(name.trim()));
      }
      writeProject(request, schema, types, protoc);
      log.info("protodec:benchmark: building " + project.resolve("pom.xml"));
      build(request, log);
      log.info("protodec:benchmark: running " + request.mode() + " mode on " + request.types());
      runHarness(request, types, log);
    } catch (ProtocException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("protodec:benchmark: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("protodec:benchmark interrupted", e);
    }
  }

  /**
   * A corpus path that is neither a readable file nor a folder fails here, before the child project is
   * written and built; the harness reads it and says which message does not parse.
   */
  static void requireReadableCorpus(BenchmarkRequest request) throws MojoFailureException {
    if (request.corpus().isEmpty()) {
      return;
    }
    Path corpus = request.corpus().get();
    if (!Files.isDirectory(corpus) && !(Files.isRegularFile(corpus) && Files.isReadable(corpus))) {
      throw new MojoFailureException("protodec:benchmark: cannot read the corpus " + corpus.toAbsolutePath()
          + " (protodec.benchmark.corpus): not a readable file or folder (give a file of length-delimited messages,"
          + " as writeDelimitedTo writes them, or a folder of one binary message per file)");
    }
  }

  private static void writeProject(BenchmarkRequest request, SchemaProbe schema, List<Descriptor> types, Path protoc)
      throws IOException, InterruptedException, MojoFailureException {
    Path project = request.directory();
    Path protos = project.resolve("src/main/proto");
    Path java = project.resolve("src/main/java");
    FileTrees.deleteRecursively(project.resolve("src"));
    Files.createDirectories(java);
    List<String> files = schema.copyFiles(protos);
    javaOut(protoc, protos, project.resolve("work/well-known-types"), java, files, project.resolve("work"));

    Path generated = java.resolve(BenchmarkClassWriter.PACKAGE.replace('.', '/'));
    Files.createDirectories(generated);
    WalkWriter walks = new WalkWriter(types);
    Files.writeString(generated.resolve(WalkWriter.CLASS + ".java"), walks.write(BenchmarkClassWriter.PACKAGE, types));
    for (Descriptor type : types) {
      Files.writeString(generated.resolve(BenchmarkClassWriter.className(type) + ".java"),
          BenchmarkClassWriter.write(type, walks));
    }
    Files.writeString(project.resolve("pom.xml"), ChildPom.write(request.pluginVersion(), schema.javaPackages()));
    Path run = project.resolve("run");
    FileTrees.deleteRecursively(run);
    Files.createDirectories(run);
    Files.write(run.resolve("descriptors.pb"), schema.descriptorSet().toByteArray());
  }

  /** protobuf-java's classes, by the same protoc. */
  private static void javaOut(Path protoc, Path protos, Path wellKnown, Path java, List<String> files, Path work)
      throws IOException, InterruptedException, MojoFailureException {
    List<String> command = new ArrayList<>(List.of(protoc.toString(), "-I" + protos, "-I" + wellKnown,
        "--java_out=" + java));
    command.addAll(files);
    Result result = exec(command, work, null);
    if (result.status != 0) {
      throw new MojoFailureException("protoc --java_out failed:\n" + String.join("\n", result.lines));
    }
  }

  private static void build(BenchmarkRequest request, Log log)
      throws IOException, InterruptedException, MojoFailureException {
    BenchmarkRequest.ChildMaven maven = request.maven();
    boolean windows = System.getProperty("os.name", "").startsWith("Windows");
    Path mvn = maven.mavenHome().resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp", "process-classes",
        "-Dmaven.repo.local=" + maven.localRepository()));
    maven.userSettings().ifPresent(s -> command.addAll(List.of("-s", s.toString())));
    maven.globalSettings().ifPresent(s -> command.addAll(List.of("-gs", s.toString())));
    if (maven.offline()) {
      command.add("-o");
    }
    Path buildLog = request.directory().resolve("build.log");
    Result result = exec(command, request.directory(), null);
    Files.write(buildLog, result.lines, StandardCharsets.UTF_8);
    if (result.status != 0) {
      List<String> errors = result.lines.stream().filter(l -> l.startsWith("[ERROR]")).limit(30).toList();
      throw new MojoFailureException("protodec:benchmark: the generated project " + request.directory()
          + " did not build (log: " + buildLog + "):\n" + String.join("\n", errors));
    }
    log.debug("protodec:benchmark: build log in " + buildLog);
  }

  private static void runHarness(BenchmarkRequest request, List<Descriptor> types, Log log)
      throws IOException, InterruptedException, MojoFailureException {
    Path project = request.directory();
    String classPath = project.resolve("target/classes") + java.io.File.pathSeparator
        + Files.readString(project.resolve("target/classpath.txt")).trim();
    Path javaHome = Path.of(System.getProperty("java.home"));
    List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-cp", classPath, MAIN,
        "--dir", project.resolve("run").toString(),
        "--types", String.join(",", types.stream().map(Descriptor::getFullName).toList()),
        "--classes", String.join(",", types.stream()
            .map(t -> BenchmarkClassWriter.PACKAGE + "." + BenchmarkClassWriter.className(t)).toList()),
        "--mode", request.mode()));
    request.corpus().ifPresent(c -> command.addAll(List.of("--corpus", c.toAbsolutePath().toString())));
    command.addAll(request.generatorArguments());
    Result result = exec(command, project, log);
    if (result.status != 0) {
      List<String> errors = result.lines.stream().filter(l -> l.startsWith(ERROR_PREFIX))
          .map(l -> l.substring(ERROR_PREFIX.length())).toList();
      throw new MojoFailureException("protodec:benchmark: " + (errors.isEmpty()
          ? "the benchmark run failed with exit code " + result.status : String.join("\n", errors)));
    }
  }

  private record Result(int status, List<String> lines) {}

  /** Runs a command, merging its streams; each line also goes to {@code log} when one is given. */
  private static Result exec(List<String> command, Path directory, Log log) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
        if (log != null) {
          log.info(line);
        }
      }
    }
    return new Result(process.waitFor(), lines);
  }
}
