package dev.protodec.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.LoadResult;
import dev.protodec.reports.read.LoadJsonReader;
import dev.protodec.reports.read.ReportInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load-result.json (a fixture in doh-load's shape, invented numbers) to the report's pipeline section. */
class PipelineSectionTest {
    private static final Path FIXTURE = Fixtures.path("load/load-result.json");

    @Test
    void readsEveryRunAndTheBreakdown() throws Exception {
        LoadResult load = new LoadJsonReader().read(FIXTURE);
        assertEquals("full", load.mode());
        assertEquals(18, load.runs().size());
        assertEquals(8, load.breakdown().size());
        assertTrue(load.pinning().contains("CPU 0"));
        LoadResult.Run dnsdist = load.runs().stream().filter(r -> r.server().equals("dnsdist")).findFirst().orElseThrow();
        assertTrue(Double.isNaN(dnsdist.bytesPerRequest()));
        assertEquals(-1, dnsdist.gcPauses());
        assertEquals(6, load.runs().stream().filter(r -> r.kind().equals("open")).findFirst().orElseThrow()
                .percentiles().size());
    }

    @Test
    void tableHasOneRowPerScenarioAndServerWithRatiosAndNoiseMarks() throws Exception {
        LoadResult load = new LoadJsonReader().read(FIXTURE);
        List<Block> blocks = new ArrayList<>();
        new PipelineSection(new Charts()).layout(load, blocks);
        Block.Table table = blocks.stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b)
                .findFirst().orElseThrow();
        assertEquals(4 + 2 + 3, table.rows().size(), "closed-get x4, closed-post x2, open-50 x3");
        List<String> reflective = table.rows().get(1);
        assertEquals("reflective", reflective.get(1));
        assertTrue(reflective.get(3).contains("⚠"), "reflective's repeats differ by 13%: " + reflective);
        List<String> generated = table.rows().get(0);
        assertEquals("2", generated.get(2));
        assertTrue(generated.get(13).startsWith("1.69") && generated.get(13).contains("⚠"), generated.toString());
        assertEquals(1, blocks.stream().filter(b -> b instanceof Block.Figure).count(), "one open-loop rate, one chart");
        assertTrue(blocks.stream().anyMatch(b -> b instanceof Block.Heading h && h.text().startsWith("Where the time")));
        assertTrue(blocks.stream().anyMatch(b -> b instanceof Block.Paragraph p && p.text().contains("Pinning")));
    }

    @Test
    void openLoopRepeatsWhoseP99sAreFarApartAreMarkedNoisyThoughTheirRateIsSteady(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("load.json");
        StringBuilder runs = new StringBuilder();
        int[][] p99s = {{4_000, 5_000, 41_000}, {8_000, 8_500, 9_000}};
        String[] servers = {"generated", "reflective"};
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < 3; i++) {
                runs.append(runs.length() == 0 ? "" : ",").append("{\"server\": \"").append(servers[s])
                        .append("\", \"scenario\": \"open-50\", \"kind\": \"open\", \"repeat\": ").append(i + 1)
                        .append(", \"reqPerSec\": 17250, \"targetRate\": 17252, \"sentPerSec\": 17252, \"errors\": 0, ")
                        .append("\"latencyMicros\": {\"p50\": 400, \"p99\": ").append(p99s[s][i]).append(", \"p999\": 60000}}");
            }
        }
        Files.writeString(file, "{\"mode\": \"full\", \"runs\": [" + runs + "]}");
        List<Block> blocks = new ArrayList<>();
        new PipelineSection(new Charts()).layout(new LoadJsonReader().read(file), blocks);
        List<List<String>> rows = blocks.stream().filter(b -> b instanceof Block.Table).map(b -> (Block.Table) b)
                .findFirst().orElseThrow().rows();
        List<String> generated = rows.get(0);
        List<String> reflective = rows.get(1);
        assertTrue(generated.get(6).contains("⚠"), "p99s 4-41 ms: " + generated);
        assertTrue(!generated.get(3).contains("⚠"), "the rate was steady: " + generated);
        assertTrue(generated.get(14).contains("⚠"), "the p99 ratio rests on it: " + generated);
        assertTrue(!reflective.get(6).contains("⚠"), "p99s 8-9 ms: " + reflective);
        assertTrue(blocks.stream().anyMatch(b -> b instanceof Block.Paragraph p && p.text().contains("highest p99")));
    }

    @Test
    void aServerWhoseWarmUpDidNotLevelOffIsNotedOnceAndALevelledOneIsNot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("load.json");
        String rising = "\"warmUp\": {\"levelledOff\": false, \"seconds\": 120, \"getRoundsReqPerSec\": [3000, 40000]}";
        String flat = "\"warmUp\": {\"levelledOff\": true, \"seconds\": 18, \"getRoundsReqPerSec\": [80000, 81000, 80000]}";
        Files.writeString(file, "{\"mode\": \"quick\", \"runs\": ["
                + "{\"server\": \"generated\", \"scenario\": \"closed-get\", \"kind\": \"closed\", \"reqPerSec\": 1, " + rising + "},"
                + "{\"server\": \"generated\", \"scenario\": \"closed-post\", \"kind\": \"closed\", \"reqPerSec\": 1, " + rising + "},"
                + "{\"server\": \"wire\", \"scenario\": \"closed-get\", \"kind\": \"closed\", \"reqPerSec\": 1, " + flat + "}]}");
        List<String> notes = new LoadJsonReader().read(file).notes();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("generated (closed loop, repeat 1): its warm-up had not levelled off after 120 s"),
                notes.get(0));
        assertTrue(notes.get(0).contains("[3000,40000]"), notes.get(0));
    }

    @Test
    void anOpenLoopRunThatFellBehindItsRateOrFailedRequestsIsNoted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("load.json");
        Files.writeString(file, "{\"mode\": \"quick\", \"runs\": ["
                + "{\"server\": \"generated\", \"scenario\": \"open-90\", \"reqPerSec\": 1, \"targetRate\": 46956, \"sentPerSec\": 42742, \"errors\": 0},"
                + "{\"server\": \"wire\", \"scenario\": \"open-90\", \"reqPerSec\": 1, \"targetRate\": 46956, \"sentPerSec\": 46955, \"errors\": 3},"
                + "{\"server\": \"wire\", \"scenario\": \"open-50\", \"reqPerSec\": 1, \"targetRate\": 26086, \"sentPerSec\": 26086, \"errors\": 0}]}");
        List<String> notes = new LoadJsonReader().read(file).notes();
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("generated open-90 (repeat 1): the generator sent 42742 of 46956 req/s"), notes.get(0));
        assertTrue(notes.get(1).contains("and 3 requests failed"), notes.get(1));
    }

    @Test
    void anOpenLoopRunDuringWhichTheGeneratorPausedForGcIsNoted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("load.json");
        Files.writeString(file, "{\"mode\": \"quick\", \"runs\": ["
                + "{\"server\": \"reflective\", \"scenario\": \"open-90\", \"reqPerSec\": 1, \"targetRate\": 36000, "
                + "\"sentPerSec\": 35990, \"errors\": 0, \"generatorGc\": {\"pauses\": 2, \"totalMillis\": 17}},"
                + "{\"server\": \"wire\", \"scenario\": \"open-90\", \"reqPerSec\": 1, \"targetRate\": 36000, "
                + "\"sentPerSec\": 35990, \"errors\": 0, \"generatorGc\": {\"pauses\": 0, \"totalMillis\": 0}}]}");
        List<String> notes = new LoadJsonReader().read(file).notes();
        assertEquals(List.of("reflective open-90 (repeat 1): the load generator itself paused 2 time(s) for GC (17 ms) "
                + "during the run; requests due then count those pauses as latency"), notes);
    }

    @Test
    void malformedLoadJsonIsAnInputError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("load.json");
        Files.writeString(bad, "{\"runs\": [{\"server\": \"generated\"}]}");
        assertThrows(ReportInputException.class, () -> new LoadJsonReader().read(bad));
        Files.writeString(bad, "[1, 2");
        assertThrows(ReportInputException.class, () -> new LoadJsonReader().read(bad));
    }
}
