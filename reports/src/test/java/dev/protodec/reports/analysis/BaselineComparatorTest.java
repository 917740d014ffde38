package dev.protodec.reports.analysis;

import static dev.protodec.reports.model.BenchmarkMode.AVERAGE_TIME;
import static dev.protodec.reports.model.BenchmarkMode.THROUGHPUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.read.JmhJsonReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineComparatorTest {

    private final JmhJsonReader reader = new JmhJsonReader();

    @Test
    void slowerBeyondThresholdWithDisjointIntervalsRegressed() {
        assertEquals(Verdict.REGRESSED, verdict(THROUGHPUT, 100, 2, 85, 2, 10));
    }

    @Test
    void slowerBeyondThresholdWithOverlappingIntervalsIsWithinNoise() {
        // 15% slower, but [75, 95] overlaps [90, 110]
        assertEquals(Verdict.WITHIN_NOISE, verdict(THROUGHPUT, 100, 10, 85, 10, 10));
    }

    @Test
    void slowerWithinThresholdIsWithinNoiseEvenWithDisjointIntervals() {
        assertEquals(Verdict.WITHIN_NOISE, verdict(THROUGHPUT, 100, 1, 95, 1, 10));
        assertEquals(Verdict.WITHIN_NOISE, verdict(THROUGHPUT, 100, 1, 90, 1, 10), "exactly the threshold is not beyond it");
    }

    @Test
    void fasterBeyondThresholdImproved() {
        assertEquals(Verdict.IMPROVED, verdict(THROUGHPUT, 100, 2, 115, 2, 10));
    }

    @Test
    void timeModesAreWorseWhenHigher() {
        assertEquals(Verdict.REGRESSED, verdict(AVERAGE_TIME, 10, 0.1, 12, 0.1, 10));
        assertEquals(Verdict.IMPROVED, verdict(AVERAGE_TIME, 10, 0.1, 8, 0.1, 10));
    }

    @Test
    void missingErrorCountsAsZeroAndThresholdZeroFlagsAnyDisjointSlowdown() {
        assertEquals(Verdict.REGRESSED, verdict(THROUGHPUT, 100, Double.NaN, 89, Double.NaN, 10));
        assertEquals(Verdict.REGRESSED, verdict(THROUGHPUT, 100, 1, 97, 1, 0));
    }

    @Test
    void regressedFixture() throws Exception {
        BaselineReport report = new BaselineComparator(10).compare(
                reader.read(Fixtures.path("jmh/baseline-regressed.json")),
                reader.read(Fixtures.path("jmh/decode-jdk17.json")));

        assertTrue(report.anyRegression());
        assertEquals(List.of("DnsDecodeBenchmark.light_protodec (thrpt)"),
                report.regressions().stream().map(c -> c.key().display()).toList());
        Comparison c = report.regressions().get(0);
        assertEquals(1357740.8373721647, c.oldScore());
        assertEquals(1038388.8249699275, c.newScore());
        assertEquals((1038388.8249699275 - 1357740.8373721647) / 1357740.8373721647 * 100, c.changePercent(), 1e-9);
        assertEquals(7, report.count(Verdict.WITHIN_NOISE));
        assertEquals(List.of("DnsDecodeBenchmark.light_wire (thrpt)"), report.onlyInBaseline());
        assertEquals(4, report.onlyInNew().size());
        assertEquals("8 compared: 1 regressed, 0 improved, 7 within noise; 4 only in the new results; "
                + "1 only in the baseline", report.summaryLine());
    }

    @Test
    void noisyFixtureIsNotARegression() throws Exception {
        BaselineReport report = new BaselineComparator(10).compare(
                reader.read(Fixtures.path("jmh/baseline-noise.json")),
                reader.read(Fixtures.path("jmh/decode-jdk17.json")));

        assertFalse(report.anyRegression());
        Comparison light = find(report, "DnsDecodeBenchmark.light_protodec (thrpt)");
        assertTrue(light.changePercent() < -10, "more than 10% slower, " + light.changePercent());
        assertEquals(Verdict.WITHIN_NOISE, light.verdict(), "but the baseline's interval is wide and overlaps");
        assertEquals(Verdict.IMPROVED, find(report, "DnsDecodeBenchmark.deep_protodec (thrpt)").verdict());
    }

    @Test
    void higherThresholdForgivesTheRegression() throws Exception {
        BaselineReport report = new BaselineComparator(30).compare(
                reader.read(Fixtures.path("jmh/baseline-regressed.json")),
                reader.read(Fixtures.path("jmh/decode-jdk17.json")));

        assertFalse(report.anyRegression());
    }

    @Test
    void convertsUnitsOfOneKind() {
        BenchmarkResult old = Fixtures.result("x.B.m", AVERAGE_TIME, Map.of(), 2.0, 0.01, "us/op");
        BenchmarkResult now = Fixtures.result("x.B.m", AVERAGE_TIME, Map.of(), 2500.0, 10.0, "ns/op");
        Comparison c = new BaselineComparator(10).compare(List.of(old), List.of(now)).comparisons().get(0);

        assertEquals("ns/op", c.unit());
        assertEquals(2000.0, c.oldScore(), 1e-9);
        assertEquals(25.0, c.changePercent(), 1e-9);
        assertEquals(Verdict.REGRESSED, c.verdict());
    }

    @Test
    void matchesOnParamsAndMode() {
        BenchmarkResult oldLight = Fixtures.result("x.B.m", THROUGHPUT, Map.of("mode", "light"), 100, 1, "ops/s");
        BenchmarkResult newDeep = Fixtures.result("x.B.m", THROUGHPUT, Map.of("mode", "deep"), 50, 1, "ops/s");
        BenchmarkResult newAvgt = Fixtures.result("x.B.m", AVERAGE_TIME, Map.of("mode", "light"), 50, 1, "us/op");
        BaselineReport report = new BaselineComparator(10).compare(List.of(oldLight), List.of(newDeep, newAvgt));

        assertEquals(List.of(), report.comparisons());
        assertEquals(2, report.onlyInNew().size());
    }

    @Test
    void negativeThresholdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BaselineComparator(-1));
    }

    private static Verdict verdict(BenchmarkMode mode, double old, double oldError, double now, double nowError,
                                   double threshold) {
        BenchmarkResult before = Fixtures.result("x.B.m", mode, Map.of(), old, oldError, mode == THROUGHPUT ? "ops/s" : "us/op");
        BenchmarkResult after = Fixtures.result("x.B.m", mode, Map.of(), now, nowError, mode == THROUGHPUT ? "ops/s" : "us/op");
        return new BaselineComparator(threshold).compare(List.of(before), List.of(after)).comparisons().get(0).verdict();
    }

    private static Comparison find(BaselineReport report, String display) {
        return report.comparisons().stream().filter(c -> c.key().display().equals(display)).findFirst().orElseThrow();
    }
}
