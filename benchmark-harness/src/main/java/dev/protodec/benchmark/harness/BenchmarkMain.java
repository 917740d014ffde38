package dev.protodec.benchmark.harness;

import com.google.protobuf.Descriptors.Descriptor;
import dev.protodec.reports.ExitCode;
import dev.protodec.reports.ReportMain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The run the plugin's {@code benchmark} goal starts in the child project: for each type, the corpus
 * (read, or generated) checked to parse as the type, the cross-check, then JMH with {@code -prof gc}, the
 * report (reusing {@code protodec-reports}) and the summary. Errors print one line starting with {@link
 * #ERROR_PREFIX}, which the goal shows as its failure.
 *
 * <pre>
 * java -cp ... dev.protodec.benchmark.harness.BenchmarkMain --dir target/protodec-benchmark/run \
 *     --types pkg.Foo,pkg.Bar --classes bench.FooBenchmark,bench.BarBenchmark [--corpus FILE|DIR] [--mode quick]
 * </pre>
 */
public final class BenchmarkMain {
  public static final String ERROR_PREFIX = "protodec-benchmark: error: ";
  public static final String DESCRIPTORS = "descriptors.pb";

  private BenchmarkMain() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    int status;
    try {
      status = run(options(args));
    } catch (IllegalArgumentException | CorpusException e) {
      System.err.println(ERROR_PREFIX + e.getMessage());
      status = 2;
    } catch (ContenderDisagrees e) {
      System.err.println(ERROR_PREFIX + "cross-check failed, nothing timed: " + e.getMessage());
      status = 3;
    } catch (Exception e) {
      System.err.println(ERROR_PREFIX + e);
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  private static int run(Map<String, String> options) throws Exception {
    Path dir = Path.of(require(options, "dir")).toAbsolutePath();
    List<String> types = List.of(require(options, "types").split(","));
    List<String> classes = List.of(require(options, "classes").split(","));
    RunMode mode = RunMode.parse(options.getOrDefault("mode", "quick"));
    MessageFiller.Settings filler = new MessageFiller.Settings(
        Integer.parseInt(options.getOrDefault("count", "100")),
        Long.parseLong(options.getOrDefault("seed", "42")),
        Integer.parseInt(options.getOrDefault("repeated", "3")),
        Integer.parseInt(options.getOrDefault("string-length", "12")),
        Integer.parseInt(options.getOrDefault("depth", "3")));
    Schema schema = Schema.read(dir.resolve(DESCRIPTORS));

    List<String> checks = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    for (int t = 0; t < types.size(); t++) {
      Descriptor type = schema.message(types.get(t));
      Corpus corpus = corpus(options.get("corpus"), types.size(), type, filler);
      corpus.requireParsesAs(type);
      Files.createDirectories(dir.resolve("corpus"));
      try (OutputStream out = Files.newOutputStream(dir.resolve("corpus").resolve(type.getFullName() + ".delimited"))) {
        corpus.writeDelimited(out);
      }
      SchemaBenchmark benchmark = (SchemaBenchmark) Class.forName(classes.get(t)).getConstructor().newInstance();
      benchmark.load(dir, type.getFullName());
      checks.add(benchmark.crossCheck(corpus));
      origins.add(type.getFullName() + ": " + corpus.origin());
      System.out.println("cross-check: " + checks.get(checks.size() - 1));
    }

    Path json = dir.resolve("jmh.json");
    ChainedOptionsBuilder jmh = new OptionsBuilder()
        .jvmArgsAppend("-D" + SchemaBenchmark.DIRECTORY_PROPERTY + "=" + dir, "-Xlog:gc:file=" + dir + "/gc-%p.log")
        .addProfiler(GCProfiler.class)
        .resultFormat(ResultFormatType.JSON).result(json.toString())
        .shouldFailOnError(true);
    for (String benchmarkClass : classes) {
      jmh.include("^" + Pattern.quote(benchmarkClass) + "\\.");
    }
    Collection<RunResult> results = new Runner(mode.apply(jmh).build()).run();

    Path reportDir = dir.resolve("report");
    String summary = Summary.table(results);
    List<String> reportArgs = new ArrayList<>(List.of("--results", json.toString(), "--out", reportDir.toString(),
        "--title", "protodec benchmark: " + String.join(", ", types)));
    List<Path> gcLogs = gcLogs(dir);
    if (!gcLogs.isEmpty()) {
      reportArgs.add("--gc-log");
      gcLogs.forEach(log -> reportArgs.add(log.toString()));
    }
    if (ReportMain.run(reportArgs.toArray(String[]::new), System.out, System.err) != ExitCode.OK) {
      throw new IOException("the report could not be written to " + reportDir);
    }
    appendSections(reportDir, mode, origins, checks);
    String screen = "protodec benchmark, " + mode + "\n" + String.join("\n", origins) + "\n"
        + checks.stream().map(c -> "cross-check: " + c).reduce((a, b) -> a + "\n" + b).orElse("") + "\n\n"
        + summary + "\nreport: " + reportDir.resolve("report.md") + "\n        " + reportDir.resolve("report.html") + "\n";
    Files.writeString(dir.resolve("summary.txt"), screen);
    System.out.println();
    System.out.print(screen);
    return 0;
  }

  private static Corpus corpus(String path, int typeCount, Descriptor type, MessageFiller.Settings filler)
      throws CorpusException {
    if (path == null || path.isBlank()) {
      return Corpus.generated(type, filler);
    }
    Path corpus = Path.of(path);
    if (typeCount == 1) {
      return Corpus.read(corpus);
    }
    // several types: the corpus folder holds one entry (file or folder) per type, named by its full name
    for (Path candidate : List.of(corpus.resolve(type.getFullName()), corpus.resolve(type.getFullName() + ".bin"))) {
      if (Files.exists(candidate)) {
        return Corpus.read(candidate);
      }
    }
    return Corpus.generated(type, filler);
  }

  /** The corpus and cross-check, which the generic report does not know about. */
  private static void appendSections(Path reportDir, RunMode mode, List<String> origins, List<String> checks)
      throws IOException {
    StringBuilder md = new StringBuilder("\n## Corpus and cross-check\n\n- Run: " + mode + "\n");
    origins.forEach(o -> md.append("- Corpus: ").append(o).append('\n'));
    checks.forEach(c -> md.append("- Cross-check: ").append(c).append('\n'));
    Files.writeString(reportDir.resolve("report.md"), md.toString(), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Path html = reportDir.resolve("report.html");
    String page = Files.readString(html);
    StringBuilder section = new StringBuilder("<h2>Corpus and cross-check</h2><ul><li>Run: " + escape(mode.toString()) + "</li>");
    origins.forEach(o -> section.append("<li>Corpus: ").append(escape(o)).append("</li>"));
    checks.forEach(c -> section.append("<li>Cross-check: ").append(escape(c)).append("</li>"));
    section.append("</ul>");
    int end = page.lastIndexOf("</body>");
    Files.writeString(html, end < 0 ? page + section : page.substring(0, end) + section + page.substring(end));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static List<Path> gcLogs(Path dir) throws IOException {
    List<Path> logs = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "gc-*.log")) {
      stream.forEach(logs::add);
    }
    return logs;
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
