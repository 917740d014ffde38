package dev.protodec.reports.analysis;

import static dev.protodec.reports.model.BenchmarkMode.THROUGHPUT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoiseTest {

    @Test
    void errorAboveTenPercentOfTheScoreIsNoisy() {
        assertTrue(Noise.isNoisy(100, 10.01));
        assertTrue(Noise.isNoisy(120_000, 480_000), "a quick run on a loaded machine: ±400%");
        assertFalse(Noise.isNoisy(100, 10), "exactly 10% is not above it");
        assertFalse(Noise.isNoisy(100, 2));
        assertFalse(Noise.isNoisy(100, Double.NaN), "no error computed (one iteration) is not a noisy error");
    }

    @Test
    void aRatioIsNoisyWhenItsContenderOrTheReferenceIs() {
        BenchmarkGroup quietReference = group(120_000, 3_000, 700_000, 200_000, 500_000, 10_000);
        Contender noisy = find(quietReference, "protodec");
        assertTrue(noisy.noisy());
        assertTrue(quietReference.ratioNoisy(noisy));
        assertFalse(quietReference.ratioNoisy(find(quietReference, "protobufJava")));
        assertFalse(quietReference.ratioNoisy(find(quietReference, "dynamic")));

        BenchmarkGroup noisyReference = group(120_000, 60_000, 700_000, 7_000, 500_000, 10_000);
        assertTrue(noisyReference.ratioNoisy(find(noisyReference, "protobufJava")), "built on a noisy reference");
        assertFalse(find(noisyReference, "protobufJava").noisy(), "though its own score is not noisy");
    }

    private static BenchmarkGroup group(double ref, double refError, double a, double aError, double b, double bError) {
        return new Grouper(GroupingOptions.defaults()).group(List.of(
                Fixtures.result("x.B.dynamic", THROUGHPUT, Map.of(), ref, refError, "ops/s"),
                Fixtures.result("x.B.protodec", THROUGHPUT, Map.of(), a, aError, "ops/s"),
                Fixtures.result("x.B.protobufJava", THROUGHPUT, Map.of(), b, bError, "ops/s"))).get(0);
    }

    private static Contender find(BenchmarkGroup group, String name) {
        return group.contenders().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
