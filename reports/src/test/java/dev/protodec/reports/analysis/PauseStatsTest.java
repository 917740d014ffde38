package dev.protodec.reports.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.GcPause;
import dev.protodec.reports.read.GcLogReader;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class PauseStatsTest {

    @Test
    void nearestRankPercentiles() {
        PauseStats s = PauseStats.of(pauses(4.0, 1.0, 3.0, 2.0));

        assertEquals(4, s.count());
        assertEquals(10.0, s.totalMillis());
        assertEquals(4.0, s.maxMillis());
        assertEquals(2.0, s.p50Millis(), "the 2nd of 4");
        assertEquals(4.0, s.p99Millis(), "ceil(0.99 * 4) = the 4th of 4");
    }

    @Test
    void p99OfTwoHundredPausesIsTheHundredNinetyEighth() {
        PauseStats s = PauseStats.of(pauses(DoubleStream.iterate(1, d -> d + 1).limit(200).toArray()));

        assertEquals(198.0, s.p99Millis());
        assertEquals(100.0, s.p50Millis());
    }

    @Test
    void noPauses() {
        PauseStats s = PauseStats.of(List.of());

        assertEquals(0, s.count());
        assertEquals(0.0, s.totalMillis());
        assertTrue(Double.isNaN(s.maxMillis()));
    }

    @Test
    void statsOfTheG1Fixture() throws Exception {
        PauseStats s = PauseStats.of(new GcLogReader().read(Fixtures.path("gc/gc-g1-jdk17.log")).pauses());

        assertEquals(52, s.count());
        assertEquals(104.549, s.totalMillis(), 1e-9);
        assertEquals(15.088, s.maxMillis(), "the System.gc() full pause");
        assertEquals(1.796, s.p50Millis());
        assertEquals(15.088, s.p99Millis());
    }

    private static List<GcPause> pauses(double... millis) {
        return DoubleStream.of(millis).mapToObj(m -> new GcPause(1.0, 0, "Young", "Pause Young", "", m)).toList();
    }
}
