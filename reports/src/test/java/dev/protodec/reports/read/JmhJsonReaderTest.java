package dev.protodec.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonReaderTest {

    private final JmhJsonReader reader = new JmhJsonReader();

    @TempDir
    Path temp;

    @Test
    void readsThroughputEntryWithEveryNumberJmhWrote() throws Exception {
        List<BenchmarkResult> results = reader.read(Fixtures.path("jmh/decode-jdk17.json"));

        assertEquals(12, results.size());
        BenchmarkResult first = results.get(0);
        assertEquals("dev.protodec.jmh.codec.DnsDecodeBenchmark.deep_dynamic", first.benchmark());
        assertEquals("DnsDecodeBenchmark", first.simpleClassName());
        assertEquals("deep_dynamic", first.methodName());
        assertEquals(BenchmarkMode.THROUGHPUT, first.mode());
        assertEquals(Map.of(), first.params());

        Metric primary = first.primary();
        assertEquals(120930.0040188748, primary.score());
        assertEquals(4306.837227180274, primary.error());
        assertEquals(116623.16679169452, primary.lower());
        assertEquals(125236.84124605508, primary.upper());
        assertEquals("ops/s", primary.unit());
        assertEquals(120811.07879937494, primary.percentile(50.0));
        assertEquals(119691.98688636656, primary.percentile(0.0));
        assertEquals(List.of(List.of(121991.35555511409, 122147.12967130938, 120811.07879937494,
                120008.46918220902, 119691.98688636656)), primary.rawData());
        assertEquals(5, primary.sampleCount());
    }

    @Test
    void readsGcProfilerSecondaryMetricsIncludingQuotedNaN() throws Exception {
        BenchmarkResult first = reader.read(Fixtures.path("jmh/decode-jdk17.json")).get(0);

        assertEquals(List.of("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count", "gc.time"),
                List.copyOf(first.secondary().keySet()));
        Metric norm = first.secondary(BenchmarkResult.ALLOC_NORM).orElseThrow();
        assertEquals(4783.1982354641605, norm.score());
        assertEquals("B/op", norm.unit());

        Metric count = first.secondary(BenchmarkResult.GC_COUNT).orElseThrow();
        assertEquals(46.0, count.score());
        assertTrue(Double.isNaN(count.error()), "JMH writes \"NaN\" for a summed metric's error");
        assertEquals(46.0, count.lower(), "no interval: the score itself");
        assertEquals("counts", count.unit());
        assertEquals(List.of(List.of(10.0, 9.0, 10.0, 8.0, 9.0)), count.rawData(), "collections per iteration");
        assertEquals(79.0, first.secondaryScore(BenchmarkResult.GC_TIME));
    }

    @Test
    void readsRunInfoAndParams() throws Exception {
        List<BenchmarkResult> results = reader.read(Fixtures.path("jmh/decode-jdk17.json"));
        BenchmarkResult otlp = results.get(8);

        assertEquals("dev.protodec.jmh.codec.OtlpDecodeBenchmark.dynamicMessage", otlp.benchmark());
        assertEquals(Map.of("mode", "deep"), otlp.params());
        assertEquals("1.37", otlp.run().jmhVersion());
        assertEquals("17.0.15", otlp.run().jdkVersion());
        assertEquals("OpenJDK 64-Bit Server VM", otlp.run().vmName());
        assertEquals("17.0.15+6-Debian-1deb12u1", otlp.run().vmVersion());
        assertEquals(List.of("-Xms2g", "-Xmx2g", "-XX:+UseG1GC", "-Xlog:gc:file=target/jmh-gc-%p.log"),
                otlp.run().jvmArgs());
        assertEquals(1, otlp.run().forks());
        assertEquals(5, otlp.run().measurementIterations());
        assertEquals("2 s", otlp.run().measurementTime());
    }

    @Test
    void readsSampleModeHistogramAndDerivedPercentiles() throws Exception {
        List<BenchmarkResult> results = reader.read(Fixtures.path("jmh/latency-jdk17.json"));
        BenchmarkResult sample = results.get(2);

        assertEquals(BenchmarkMode.SAMPLE_TIME, sample.mode());
        Metric primary = sample.primary();
        assertEquals("us/op", primary.unit());
        assertEquals(List.of(), primary.rawData());
        assertEquals(1, primary.rawHistogram().size(), "one fork");
        assertEquals(5, primary.rawHistogram().get(0).size(), "five iterations");
        assertEquals(4.0, primary.rawHistogram().get(0).get(0).get(0).value());
        assertEquals(7500, primary.sampleCount());
        assertEquals(7.4, primary.percentile(50.0));
        assertEquals(11.4, primary.percentile(99.0));

        Metric p50 = sample.secondary("p0.50").orElseThrow();
        assertEquals(7.4, p50.score());
        assertEquals(List.of(List.of()), p50.rawData(), "derived metrics have an empty rawData per fork");
    }

    @Test
    void truncatedFileIsMalformedJsonNamingFileAndPlace() {
        Path file = Fixtures.path("jmh/truncated.json");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertTrue(e.getMessage().startsWith(file.toString() + ": not valid JSON at line "), e.getMessage());
        assertTrue(e.getMessage().contains("is it complete?"), e.getMessage());
    }

    @Test
    void objectInsteadOfArrayIsNotJmhResults() throws IOException {
        Path file = write("object.json", "{\"benchmark\" : \"a.B.c\"}");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertEquals(file + ": not JMH JSON results: expected an array of benchmark objects (as written by "
                + "-rf json), found a JSON object", e.getMessage());
    }

    @Test
    void emptyArrayHasNoResults() throws IOException {
        Path file = write("empty.json", "[\n]\n");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertEquals(file + ": contains no benchmark results (did every benchmark fail?)", e.getMessage());
    }

    @Test
    void missingFileIsUnreadable() {
        Path file = temp.resolve("nope.json");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertEquals(file + ": cannot read: no such file", e.getMessage());
    }

    @Test
    void entryWithoutPrimaryMetricNamesEntryAndBenchmark() throws IOException {
        Path file = write("noprimary.json", "[{\"benchmark\" : \"a.B.c\", \"mode\" : \"thrpt\"}]");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertEquals(file + ": entry 0 (a.B.c): no \"primaryMetric\" object", e.getMessage());
    }

    @Test
    void unknownModeIsRejected() throws IOException {
        Path file = write("mode.json", "[{\"benchmark\" : \"a.B.c\", \"mode\" : \"fast\","
                + " \"primaryMetric\" : {\"score\" : 1.0, \"scoreUnit\" : \"ops/s\"}}]");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertEquals(file + ": entry 0 (a.B.c): unknown mode \"fast\" (expected thrpt, avgt, sample or ss)",
                e.getMessage());
    }

    @Test
    void scoreThatIsNotANumberIsRejected() throws IOException {
        Path file = write("score.json", "[{\"benchmark\" : \"a.B.c\", \"mode\" : \"avgt\","
                + " \"primaryMetric\" : {\"score\" : \"fast\", \"scoreUnit\" : \"us/op\"}}]");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertEquals(file + ": entry 0 (a.B.c): primaryMetric.score: expected a number, found string \"fast\"",
                e.getMessage());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }
}
