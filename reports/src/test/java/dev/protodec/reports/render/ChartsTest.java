package dev.protodec.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.analysis.BenchmarkGroup;
import dev.protodec.reports.analysis.GroupingOptions;
import dev.protodec.reports.analysis.Grouper;
import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.read.GcLogReader;
import dev.protodec.reports.read.JmhJsonReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartsTest {

    private final Charts charts = new Charts();

    @Test
    void throughputAllocationAndGcChartsArePngs() throws Exception {
        BenchmarkGroup deep = groups("jmh/decode-jdk17.json").get(0);

        ChartImage score = charts.score("g01-score", deep);
        assertEquals("Throughput — DnsDecodeBenchmark · deep (thrpt)", score.title());
        BufferedImage image = decode(score);
        assertEquals(900, image.getWidth());
        assertEquals(110 + 42 * 4, image.getHeight());
        assertTrue(charts.allocation("a", deep).isPresent());
        assertTrue(charts.gcActivity("g", deep).isPresent());
        assertTrue(charts.latency("l", deep).isEmpty(), "throughput has no latency distribution");
    }

    @Test
    void noGcChartWithoutCollections() throws Exception {
        BenchmarkGroup avgt = groups("jmh/latency-jdk17.json").get(0);

        assertEquals(0.0, avgt.contenders().get(0).gcCount());
        assertTrue(charts.gcActivity("g", avgt).isEmpty());
        assertTrue(charts.allocation("a", avgt).isPresent());
    }

    @Test
    void sampleModeGetsALatencyChart() throws Exception {
        BenchmarkGroup sample = groups("jmh/latency-jdk17.json").get(1);

        ChartImage latency = charts.latency("l", sample).orElseThrow();
        assertEquals("Latency percentiles — DnsLatencyBenchmark (sample)", latency.title());
        assertEquals(900, decode(latency).getWidth());
    }

    @Test
    void pausesOverTime() throws Exception {
        GcLog log = new GcLogReader().read(Fixtures.path("gc/gc-g1-jdk17.log"));

        ChartImage pauses = charts.gcPauses("gc-pauses", List.of(log)).orElseThrow();
        assertEquals(380, decode(pauses).getHeight());
        assertTrue(charts.gcPauses("none", List.of()).isEmpty());
    }

    private static List<BenchmarkGroup> groups(String resource) throws Exception {
        return new Grouper(GroupingOptions.defaults()).group(new JmhJsonReader().read(Fixtures.path(resource)));
    }

    private static BufferedImage decode(ChartImage chart) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.png()));
        assertTrue(image != null, "not a PNG: " + chart.id());
        return image;
    }
}
