package dev.protodec.reports.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.model.GcPause;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GcLogReaderTest {

    private final GcLogReader reader = new GcLogReader();

    @Test
    void readsEveryPauseOfAG1LogAndSkipsConcurrentPhases() throws Exception {
        GcLog log = reader.read(Fixtures.path("gc/gc-g1-jdk17.log"));

        assertEquals("G1", log.collector());
        assertEquals(57, log.lines());
        assertEquals(52, log.pauses().size());
        Map<String, Integer> kinds = new TreeMap<>();
        log.pauses().forEach(p -> kinds.merge(p.kind(), 1, Integer::sum));
        assertEquals(Map.of("Young", 47, "Remark", 2, "Cleanup", 2, "Full", 1), kinds);

        GcPause first = log.pauses().get(0);
        assertEquals(0.410, first.uptimeSeconds());
        assertEquals(0, first.gcId());
        assertEquals("Pause Young (Normal) (G1 Evacuation Pause)", first.description());
        assertEquals("128M->5M(256M)", first.heap());
        assertEquals(2.232, first.millis());
    }

    @Test
    void understandsOtherDecorationsAndCollectors() {
        GcLog log = reader.parse(Path.of("mixed.log"), List.of(
                "[2026-11-22T10:00:00.123+0000][123ms][info][gc] Using Parallel",
                "[2026-11-22T10:00:00.456+0000][456ms][info][gc,start] GC(4) Pause Young (Allocation Failure)",
                "[2026-11-22T10:00:00.460+0000][460ms][info][gc,phases] GC(4)   Pre Evacuate Collection Set: 0.1ms",
                "[2026-11-22T10:00:00.460+0000][460ms][info][gc] GC(4) Pause Young (Allocation Failure) 64M->5M(245M) 3.456ms",
                "[1500000000ns][info][gc] GC(2) Pause Init Mark (unload classes) 0.098ms",
                "[2.5s][info][gc] GC(2) Concurrent marking 12M->13M(64M) 1.204ms",
                "GC(7) Pause Full (System.gc()) 10M->1M(20M) 5,5ms",
                "[3.000s][info][gc,phases] GC(9) Y: Pause Mark Start 0.012ms",
                "not a log line at all"));

        assertEquals("Parallel", log.collector());
        assertEquals(4, log.pauses().size());
        GcPause parallel = log.pauses().get(0);
        assertEquals(0.460, parallel.uptimeSeconds(), 1e-12);
        assertEquals("Young", parallel.kind());
        assertEquals(3.456, parallel.millis());

        GcPause shenandoah = log.pauses().get(1);
        assertEquals(1.5, shenandoah.uptimeSeconds(), 1e-12);
        assertEquals("Init Mark", shenandoah.kind());
        assertEquals("", shenandoah.heap());
        assertEquals(0.098, shenandoah.millis());

        GcPause undecorated = log.pauses().get(2);
        assertTrue(Double.isNaN(undecorated.uptimeSeconds()));
        assertEquals("Full", undecorated.kind());
        assertEquals(5.5, undecorated.millis());

        GcPause zgc = log.pauses().get(3);
        assertEquals("Mark Start", zgc.kind());
        assertEquals(0.012, zgc.millis());
    }

    @Test
    void logWithoutPausesIsNotAnError() {
        GcLog log = reader.parse(Path.of("jdk8.log"), List.of(
                "2026-11-22T10:00:00.123+0000: 0.412: [GC (Allocation Failure) 65536K->5000K(251392K), 0.0034 secs]"));

        assertEquals("unknown", log.collector());
        assertEquals(List.of(), log.pauses());
    }

    @Test
    void missingLogIsUnreadable() {
        Path file = Path.of("target", "no-such-gc.log");
        ReportInputException e = assertThrows(ReportInputException.class, () -> reader.read(file));

        assertEquals(file + ": cannot read: no such file", e.getMessage());
    }
}
