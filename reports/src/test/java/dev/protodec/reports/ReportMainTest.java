package dev.protodec.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end, on the fixtures. */
class ReportMainTest {

    private static final String DECODE = Fixtures.path("jmh/decode-jdk17.json").toString();
    private static final String LATENCY = Fixtures.path("jmh/latency-jdk17.json").toString();
    private static final String GC_LOG = Fixtures.path("gc/gc-g1-jdk17.log").toString();
    private static final String QUICK_BASELINE = Fixtures.path("jmh/quick-baseline.json").toString();
    private static final String QUICK_REGRESSED = Fixtures.path("jmh/quick-regressed.json").toString();
    private static final String QUICK_RERUN = Fixtures.path("jmh/quick-rerun.json").toString();

    @TempDir
    Path out;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void loadResultsAddThePipelineSection() throws IOException {
        ExitCode code = run("--results", DECODE, "--load", Fixtures.path("load/load-result.json").toString(),
                "--out", out.toString());

        assertEquals(ExitCode.OK, code, stderr());
        String md = java.nio.file.Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## The pipeline over sockets"), md);
        assertTrue(md.contains("Where the time goes per request"));
        assertTrue(java.nio.file.Files.exists(out.resolve("charts").resolve("load-open-01.png")));
    }

    @Test
    void writesBothReportsAndPrintsTheirAbsolutePaths() throws IOException {
        ExitCode code = run("--results", DECODE, LATENCY, "--gc-log", GC_LOG, "--out", out.toString(),
                "--title", "Decoders on JDK 17");

        assertEquals(ExitCode.OK, code, stderr());
        assertEquals(List.of(out.resolve("report.md").toString(), out.resolve("report.html").toString()),
                stdout().lines().toList());
        assertTrue(Path.of(stdout().lines().findFirst().orElseThrow()).isAbsolute());
        assertEquals("", stderr());
    }

    @Test
    void zeroCopyRowsAreLabelledAndTheirModeExplained() throws IOException {
        Path results = out.resolve("zero-copy.json");
        Files.writeString(results, Files.readString(Path.of(DECODE))
                .replace("DnsDecodeBenchmark.deep_protodec\"", "DnsDecodeBenchmark.deep_protodecZeroCopy\""));
        Path reportDir = out.resolve("report");
        assertEquals(ExitCode.OK, run("--results", results.toString(), "--out", reportDir.toString()), stderr());
        String flat = Files.readString(reportDir.resolve("report.md")).replaceAll(" +", " ");
        assertTrue(flat.contains("| protodecZeroCopy (zero-copy) | 706,353 ± 24,045 |"), flat);
        assertTrue(section(flat, "### DnsDecodeBenchmark · deep").contains("Modes: rows marked (zero-copy)"), flat);
        assertFalse(section(flat, "### DnsDecodeBenchmark · light").contains("Modes:"),
                "only groups with a zero-copy row explain the modes: " + flat);
    }

    /** From {@code heading} to the next heading of any level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        int end = markdown.indexOf("\n#", start + heading.length());
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }

    @Test
    void markdownHasAReadableTablePerGroup() throws IOException {
        run("--results", DECODE, LATENCY, "--gc-log", GC_LOG, "--out", out.toString());
        String md = Files.readString(out.resolve("report.md"));
        String flat = md.replaceAll(" +", " ");

        assertTrue(md.startsWith("# protodec benchmark report\n"), md);
        assertTrue(flat.contains("\n### DnsDecodeBenchmark · deep (thrpt)\n"), md);
        assertTrue(flat.contains("| Contender | Score ± error (ops/s) | B/op | GC count | GC time (ms) | × dynamic |"), md);
        assertTrue(flat.contains("| dynamic | 120,930 ± 4,307 | 4,783 | 46 | 79 | 1.00× |"), md);
        assertTrue(flat.contains("| protodec | 706,353 ± 24,045 | 612 | 37 | 37 | 5.84× |"), md);
        assertTrue(flat.contains("| dynamicMessage | 41,092 ± 1,243 | 21,950 | 70 | 139 | 1.00× |"), md);
        assertTrue(flat.contains("| quickbuf | 922,955 ± 147,475 ⚠ | 357 | 24 | 25 | 7.63× ⚠ |"),
                "a score with an error of 16% and the ratio built on it are marked: " + md);
        assertTrue(flat.contains("| DnsDecodeBenchmark · deep | thrpt | 4 | dynamic | quickbuf | "
                + "922,955 ± 147,475 ops/s ⚠ | 7.63× ⚠ |"), "and in the overview: " + md);
        assertTrue(flat.contains("\n⚠ noisy: the 99.9% error is more than 10% of the score"), "legend: " + md);
        assertTrue(flat.contains("**1 of 16 scores are noisy**"), md);
        assertTrue(flat.contains("| protodec | 1.419 ± 0.049 | 612 | 0 | — | 5.35× |"), "avgt ratio is inverted: " + md);
        assertTrue(flat.contains("| dynamic | 7,500 | 7.400 | 9.300 | 11.40 |"), "sample percentiles: " + md);
        assertTrue(flat.contains("| gc-g1-jdk17.log | G1 | 52 | 105 | 15.088 | 1.796 | 15.088 |"), md);
        assertTrue(flat.contains("| JDK | 17.0.15, OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1 |"), md);
        assertTrue(flat.contains("| JVM arguments | `-Xms2g -Xmx2g -XX:+UseG1GC -Xlog:gc:file=target/jmh-gc-%p.log` |"), md);
        assertTrue(Pattern.compile("\\| Git commit \\| ([0-9a-f]{4,40}|unknown) \\|").matcher(flat).find(), md);
        for (String line : md.lines().filter(l -> l.startsWith("|")).toList()) {
            assertTrue(line.endsWith("|"), "table lines are closed: " + line);
        }
    }

    @Test
    void htmlIsSelfContainedWithAnInlineImagePerChart() throws IOException {
        run("--results", DECODE, LATENCY, "--gc-log", GC_LOG, "--out", out.toString());
        String html = Files.readString(out.resolve("report.html"));
        String md = Files.readString(out.resolve("report.md"));

        List<String> linked = matches(Pattern.compile("!\\[[^\\]]*\\]\\(charts/([^)]+\\.png)\\)"), md);
        List<String> written;
        try (Stream<Path> files = Files.list(out.resolve("charts"))) {
            written = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        // 6 groups: score + allocation each, GC for the 5 that collected (not avgt: gc.count 0),
        // latency for the sample group, and the GC pause chart
        assertEquals(6 * 2 + 5 + 1 + 1, linked.size());
        assertFalse(linked.contains("g05-gc.png"), "no chart of nothing but zeros");
        assertEquals(linked.stream().sorted().toList(), written);
        assertEquals(linked.size(), count(html, "<img "));
        assertEquals(linked.size(), count(html, "<img alt=\"[^\"]*\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\">"));
        assertFalse(html.contains("http:"), "no external resources");
        assertFalse(html.contains("https:"), "no external resources");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertTrue(html.contains("<td class=\"num\">706,353 ± 24,045</td>"), "numbers are right-aligned cells");
        assertTrue(html.contains("<td class=\"num noisy\">922,955 ± 147,475 ⚠</td>"), "noisy cells are shaded");
    }

    @Test
    void regressionAgainstBaselineExitsWithThree() throws IOException {
        ExitCode code = run("--results", DECODE, "--baseline", Fixtures.path("jmh/baseline-regressed.json").toString(),
                "--out", out.toString());

        assertEquals(ExitCode.REGRESSION, code);
        assertEquals(3, code.status());
        assertEquals(2, stdout().lines().count(), "the report is still written");
        assertTrue(stderr().contains("DnsDecodeBenchmark.light_protodec (thrpt): 1,357,741 ± 50,100 -> "
                + "1,038,389 ± 33,391 ops/s (-23.5%; gated: median -24.1%, p = 3.97e-3)"), stderr());
        String flat = Files.readString(out.resolve("report.md")).replaceAll(" +", " ");
        assertTrue(flat.contains("| DnsDecodeBenchmark.light_protodec (thrpt) | 1,357,741 ± 50,100 | "
                + "1,038,389 ± 33,391 | ops/s | -23.5% | -24.1% | 3.97e-3 | regressed |"), flat);
        assertTrue(Pattern.compile("\\| DnsDecodeBenchmark\\.deep_dynamic \\(thrpt\\) \\| 118,011 ± 3,685 \\| "
                + "120,930 ± 4,307 \\| ops/s \\| \\+2\\.5% \\| [^|]+ \\| [^|]+ \\| within noise \\|").matcher(flat).find(), flat);
        assertTrue(flat.contains("**8 compared: 1 regressed, 0 improved, 7 within noise; 4 only in the new results; "
                + "1 only in the baseline.**"), flat);
        assertTrue(flat.contains("one-sided Mann-Whitney U test"), "the rule is stated");
        assertTrue(flat.contains("- DnsDecodeBenchmark.light_wire (thrpt)"), flat);
    }

    @Test
    void quickRunWithATwentyPercentSlowdownExitsWithThree() throws IOException {
        ExitCode code = run("--results", QUICK_REGRESSED, "--baseline", QUICK_BASELINE, "--out", out.toString());

        assertEquals(ExitCode.REGRESSION, code);
        List<String> listed = stderr().lines().filter(l -> l.startsWith("  ")).toList();
        assertEquals(1, listed.size(), stderr());
        assertTrue(listed.get(0).startsWith("  DnsDecodeBenchmark.light_protodec (thrpt): "), stderr());
        assertTrue(listed.get(0).contains("gated: median -20.0%"), stderr());
    }

    @Test
    void twoHonestQuickRunsExitWithZero() throws IOException {
        assertEquals(ExitCode.OK, run("--results", QUICK_RERUN, "--baseline", QUICK_BASELINE, "--out", out.toString()),
                stderr());
        assertEquals(ExitCode.OK, run("--results", QUICK_BASELINE, "--baseline", QUICK_RERUN, "--out", out.toString()),
                stderr());
        String flat = Files.readString(out.resolve("report.md")).replaceAll(" +", " ");
        assertTrue(flat.contains("0 regressed"), flat);
        assertTrue(flat.contains("× as fast as the baseline, by the references"), flat);
    }

    @Test
    void thresholdOptionIsApplied() {
        ExitCode code = run("--results", DECODE, "--baseline", Fixtures.path("jmh/baseline-regressed.json").toString(),
                "--threshold", "30", "--out", out.toString());

        assertEquals(ExitCode.OK, code, stderr());
    }

    @Test
    void malformedJsonExitsWithTwoNamingTheFile() {
        String truncated = Fixtures.path("jmh/truncated.json").toString();
        ExitCode code = run("--results", DECODE, truncated, "--out", out.toString());

        assertEquals(ExitCode.BAD_INPUT, code);
        assertTrue(stderr().startsWith("error: " + truncated + ": not valid JSON at line "), stderr());
        assertEquals("", stdout());
        assertFalse(Files.exists(out.resolve("report.md")), "nothing is written for bad input");
    }

    @Test
    void missingInputExitsWithTwo() {
        Path missing = out.resolve("missing.json");
        ExitCode code = run("--results", missing.toString(), "--out", out.toString());

        assertEquals(ExitCode.BAD_INPUT, code);
        assertEquals("error: " + missing + ": cannot read: no such file\n", stderr());
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(ExitCode.BAD_INPUT, run("--results", DECODE));
        assertTrue(stderr().startsWith("error: --out <dir> is required\n"), stderr());
    }

    @Test
    void unwritableOutputExitsWithOne() throws IOException {
        Path file = Files.writeString(out.resolve("a-file"), "");
        ExitCode code = run("--results", DECODE, "--out", file.resolve("report").toString());

        assertEquals(ExitCode.FAILURE, code);
        assertTrue(stderr().startsWith("error: cannot write the report to " + file.resolve("report") + ": "), stderr());
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(ExitCode.OK, run("--help"));
        assertTrue(stdout().startsWith("Usage: java -jar protodec-reports.jar"), stdout());
    }

    @Test
    void gcLogWithoutPausesIsAWarning() throws IOException {
        Path log = Files.writeString(out.resolve("empty-gc.log"), "nothing here\n");
        ExitCode code = run("--results", DECODE, "--gc-log", log.toString(), "--out", out.resolve("r").toString());

        assertEquals(ExitCode.OK, code);
        assertEquals("warning: " + log + ": no GC pause lines found (expected -Xlog:gc output)\n", stderr());
    }

    private ExitCode run(String... args) {
        return ReportMain.run(args, print(stdout), print(stderr));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static int count(String text, String regex) {
        int n = 0;
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            n++;
        }
        return n;
    }
}
