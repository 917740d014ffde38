package dev.protodec.reports.analysis;

import static dev.protodec.reports.model.BenchmarkMode.AVERAGE_TIME;
import static dev.protodec.reports.model.BenchmarkMode.THROUGHPUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.read.JmhJsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselineComparatorTest {

    private static final double[] QUICK = {100, 104, 97, 101, 95, 103};

    private final JmhJsonReader reader = new JmhJsonReader();

    @Test
    void twentyPercentSlowerIterationsRegressed() {
        Comparison c = compareOne(THROUGHPUT, QUICK, scaled(QUICK, 0.8));
        assertEquals(Verdict.REGRESSED, c.verdict());
        assertEquals(-20.0, c.gatedChangePercent(), 1e-9);
        assertEquals(1.0 / 924, c.pValue(), 1e-12, "6 + 6 iterations entirely apart: the smallest p there is");
    }

    @Test
    void aChangeWithinTheThresholdIsWithinNoiseHoweverSignificant() {
        assertEquals(Verdict.WITHIN_NOISE, compareOne(THROUGHPUT, QUICK, scaled(QUICK, 0.9)).verdict());
        assertEquals(Verdict.WITHIN_NOISE, compareOne(THROUGHPUT, QUICK, scaled(QUICK, 0.86)).verdict());
    }

    @Test
    void aMedianBeyondTheThresholdIsWithinNoiseWhenTheIterationsOverlap() {
        // median 20% lower, but the iterations scatter over each other: U test p ≈ 0.2
        double[] old = {100, 60, 140, 70, 130, 110};
        double[] now = {80, 125, 50, 135, 75, 85};
        Comparison c = compareOne(THROUGHPUT, old, now);
        assertTrue(c.gatedChangePercent() < -15, "" + c.gatedChangePercent());
        assertTrue(c.pValue() > BaselineComparator.ALPHA, "" + c.pValue());
        assertEquals(Verdict.WITHIN_NOISE, c.verdict());
    }

    @Test
    void oneBurstHitIterationDoesNotMakeARegression() {
        double[] now = QUICK.clone();
        now[2] = 60;
        assertEquals(Verdict.WITHIN_NOISE, compareOne(THROUGHPUT, QUICK, now).verdict());
    }

    @Test
    void fasterBeyondThresholdImproved() {
        assertEquals(Verdict.IMPROVED, compareOne(THROUGHPUT, QUICK, scaled(QUICK, 1.25)).verdict());
    }

    @Test
    void timeModesAreWorseWhenHigher() {
        assertEquals(Verdict.REGRESSED, compareOne(AVERAGE_TIME, QUICK, scaled(QUICK, 1.25)).verdict());
        assertEquals(Verdict.IMPROVED, compareOne(AVERAGE_TIME, QUICK, scaled(QUICK, 0.8)).verdict());
    }

    @Test
    void tooFewIterationsGetNoVerdict() {
        assertEquals(Verdict.TOO_FEW_ITERATIONS, compareOne(THROUGHPUT, new double[] {100, 101}, new double[] {50, 51})
                .verdict(), "2 + 2 iterations: p is 1/6 at best");
        assertEquals(Verdict.REGRESSED, compareOne(THROUGHPUT, new double[] {100, 101, 99}, new double[] {50, 51, 49})
                .verdict(), "3 + 3 entirely apart: p = 1/20");
        BenchmarkResult old = Fixtures.result("x.B.m", THROUGHPUT, Map.of(), 100, 1, "ops/s");
        BenchmarkResult now = Fixtures.result("x.B.m", THROUGHPUT, Map.of(), 50, 1, "ops/s");
        assertEquals(Verdict.TOO_FEW_ITERATIONS, comparator().compare(List.of(old), List.of(now)).comparisons().get(0)
                .verdict(), "no rawData: the score is one iteration");
    }

    @Test
    void aSlowerMachineIsTakenOutThroughTheReferences() {
        // everything 20% slower: the machine, not the code
        List<BenchmarkResult> old = List.of(it("x.B.dynamic", QUICK), it("x.B.protodec", scaled(QUICK, 5)));
        List<BenchmarkResult> slowMachine = List.of(it("x.B.dynamic", scaled(QUICK, 0.8)),
                it("x.B.protodec", scaled(QUICK, 4)));
        BaselineReport report = comparator().compare(old, slowMachine);
        assertEquals(0.8, report.machineSpeed(), 1e-9);
        assertFalse(report.anyRegression(), report.summaryLine());

        // only protodec 20% slower: the code
        List<BenchmarkResult> slowCode = List.of(it("x.B.dynamic", QUICK), it("x.B.protodec", scaled(QUICK, 4)));
        BaselineReport code = comparator().compare(old, slowCode);
        assertEquals(List.of("B.protodec (thrpt)"), code.regressions().stream().map(c -> c.key().display()).toList());
    }

    @Test
    void quickRunWithOneBenchmarkTwentyPercentSlowerRegressed() throws Exception {
        BaselineReport report = comparator().compare(
                reader.read(Fixtures.path("jmh/quick-baseline.json")),
                reader.read(Fixtures.path("jmh/quick-regressed.json")));

        assertEquals(List.of("DnsDecodeBenchmark.light_protodec (thrpt)"),
                report.regressions().stream().map(c -> c.key().display()).toList(), report.summaryLine());
        assertEquals(-20.0, report.regressions().get(0).gatedChangePercent(), 1e-9);
        assertEquals("12 compared: 1 regressed, 0 improved, 11 within noise", report.summaryLine());
    }

    @Test
    void twoHonestQuickRunsOfOneCommitPass() throws Exception {
        List<BenchmarkResult> first = reader.read(Fixtures.path("jmh/quick-baseline.json"));
        List<BenchmarkResult> second = reader.read(Fixtures.path("jmh/quick-rerun.json"));

        BaselineReport forward = comparator().compare(first, second);
        assertFalse(forward.anyRegression(), forward.summaryLine());
        assertTrue(forward.machineSpeed() < 0.95, "the rerun's machine was slower: " + forward.machineSpeed());
        assertTrue(forward.comparisons().stream().anyMatch(c -> c.changePercent() < -15),
                "some scores fell by more than the threshold, which the machine explains");
        BaselineReport backward = comparator().compare(second, first);
        assertFalse(backward.anyRegression(), backward.summaryLine());
    }

    /**
     * The rule on many simulated pairs of quick runs (4 groups of a reference and 2 contenders,
     * 6 iterations each): honest pairs seldom fail it, a 20% slowdown of one benchmark mostly does.
     * The noise is that of the fixtures: iterations ±12% (sd 6%) with 1 in 10 hit by a 20–30% burst,
     * the machine ±10% (sd 5%) between runs, each benchmark drifting by its own 2% (sd).
     */
    @Test
    void simulatedQuickRunsCatchTwentyPercentAndPassHonestPairs() {
        Random rng = new Random(42);
        int trials = 400;
        int falseAlarms = 0;
        int caught = 0;
        for (int t = 0; t < trials; t++) {
            List<BenchmarkResult> old = simulatedRun(rng, -1);
            falseAlarms += comparator().compare(old, simulatedRun(rng, -1)).anyRegression() ? 1 : 0;
            BaselineReport slow = comparator().compare(old, simulatedRun(rng, 5));
            caught += slow.regressions().stream().anyMatch(c -> c.key().benchmark().equals("x.G1.c2")) ? 1 : 0;
        }
        assertTrue(falseAlarms <= trials * 0.10, "honest pairs failing the gate: " + falseAlarms + " of " + trials);
        assertTrue(caught >= trials * 0.70, "20% slowdowns caught: " + caught + " of " + trials);
    }

    @Test
    void olderFixturesStillRegressAndImprove() throws Exception {
        List<BenchmarkResult> now = reader.read(Fixtures.path("jmh/decode-jdk17.json"));
        BaselineReport regressed = comparator().compare(reader.read(Fixtures.path("jmh/baseline-regressed.json")), now);
        assertEquals(List.of("DnsDecodeBenchmark.light_protodec (thrpt)"),
                regressed.regressions().stream().map(c -> c.key().display()).toList());
        Comparison c = regressed.regressions().get(0);
        assertEquals(1357740.8373721647, c.oldScore());
        assertEquals(1038388.8249699275, c.newScore());
        assertEquals((1038388.8249699275 - 1357740.8373721647) / 1357740.8373721647 * 100, c.changePercent(), 1e-9);
        assertEquals(List.of("DnsDecodeBenchmark.light_wire (thrpt)"), regressed.onlyInBaseline());
        assertEquals(4, regressed.onlyInNew().size());
        assertFalse(new BaselineComparator(30, GroupingOptions.defaults())
                .compare(reader.read(Fixtures.path("jmh/baseline-regressed.json")), now).anyRegression());

        BaselineReport noise = comparator().compare(reader.read(Fixtures.path("jmh/baseline-noise.json")), now);
        assertEquals(Verdict.IMPROVED, find(noise, "DnsDecodeBenchmark.deep_protodec (thrpt)").verdict());
    }

    @Test
    void convertsUnitsOfOneKind() {
        BenchmarkResult old = Fixtures.iterations("x.B.m", AVERAGE_TIME, "us/op", 2.0, 2.01, 1.99, 2.0);
        BenchmarkResult now = Fixtures.iterations("x.B.m", AVERAGE_TIME, "ns/op", 2500, 2510, 2490, 2500);
        Comparison c = comparator().compare(List.of(old), List.of(now)).comparisons().get(0);

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
        BaselineReport report = comparator().compare(List.of(oldLight), List.of(newDeep, newAvgt));

        assertEquals(List.of(), report.comparisons());
        assertEquals(2, report.onlyInNew().size());
    }

    @Test
    void negativeThresholdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new BaselineComparator(-1, GroupingOptions.defaults()));
    }

    @Test
    void mannWhitneyExactAndApproximate() {
        assertEquals(0.05, MannWhitney.pLess(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0, 6.0)), 1e-12);
        assertEquals(1.0 / 924, MannWhitney.smallestP(6, 6), 1e-12);
        assertEquals(1.0, MannWhitney.pLess(List.of(4.0, 5.0, 6.0), List.of(1.0, 2.0, 3.0)), 1e-12);
        // 30 + 30 (normal approximation) entirely apart: tiny; interleaved: about one half
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            low.add((double) i);
            high.add(100.0 + i);
        }
        assertTrue(MannWhitney.pLess(low, high) < 1e-9);
        List<Double> odd = new ArrayList<>();
        List<Double> even = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            even.add(2.0 * i);
            odd.add(2.0 * i + 1);
        }
        assertEquals(0.5, MannWhitney.pLess(even, odd), 0.1);
    }

    private static List<BenchmarkResult> simulatedRun(Random rng, int slowed) {
        double machine = 1 + rng.nextGaussian() * 0.05;
        List<BenchmarkResult> run = new ArrayList<>();
        int index = 0;
        for (int g = 0; g < 4; g++) {
            for (String name : List.of("dynamic", "c1", "c2")) {
                double score = 1000 * machine * (1 + rng.nextGaussian() * 0.02) * (index == slowed ? 0.8 : 1.0);
                double[] iterations = new double[6];
                for (int i = 0; i < iterations.length; i++) {
                    iterations[i] = score * (1 + rng.nextGaussian() * 0.06)
                            * (rng.nextDouble() < 0.10 ? 1 - 0.2 - 0.1 * rng.nextDouble() : 1);
                }
                run.add(it("x.G" + g + "." + name, iterations));
                index++;
            }
        }
        return run;
    }

    private static BaselineComparator comparator() {
        return new BaselineComparator(15, GroupingOptions.defaults());
    }

    private static Comparison compareOne(dev.protodec.reports.model.BenchmarkMode mode, double[] old, double[] now) {
        String unit = mode == THROUGHPUT ? "ops/s" : "us/op";
        return comparator().compare(List.of(Fixtures.iterations("x.B.m", mode, unit, old)),
                List.of(Fixtures.iterations("x.B.m", mode, unit, now))).comparisons().get(0);
    }

    private static BenchmarkResult it(String name, double[] iterations) {
        return Fixtures.iterations(name, THROUGHPUT, "ops/s", iterations);
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    private static Comparison find(BaselineReport report, String display) {
        return report.comparisons().stream().filter(c -> c.key().display().equals(display)).findFirst().orElseThrow();
    }
}
