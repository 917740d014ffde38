package dev.protodec.reports.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.analysis.BenchmarkGroup;
import dev.protodec.reports.analysis.GroupingOptions;
import dev.protodec.reports.analysis.Grouper;
import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.read.GcLogReader;
import dev.protodec.reports.read.JmhJsonReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
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
    void scoreAxisStartsAtZeroWhenWhiskersReachBelowIt() throws Exception {
        // a quick run on a loaded machine: errors of 120% and 400% of the score
        BenchmarkGroup noisy = new Grouper(GroupingOptions.defaults()).group(List.of(
                Fixtures.result("x.NoisyBenchmark.dynamic", BenchmarkMode.THROUGHPUT, Map.of(), 120_000, 144_000, "ops/s"),
                Fixtures.result("x.NoisyBenchmark.protodec", BenchmarkMode.THROUGHPUT, Map.of(), 700_000, 2_800_000, "ops/s")))
                .get(0);

        JFreeChart chart = charts.scoreChart("t", noisy);
        chart.createBufferedImage(900, 300);
        ValueAxis axis = chart.getCategoryPlot().getRangeAxis();
        assertEquals(0.0, axis.getLowerBound(), "no negative throughput on the axis");
        assertTrue(axis.getUpperBound() >= 700_000 + 2_800_000, "the upper whisker still fits: " + axis.getUpperBound());
        assertEquals(900, decode(charts.score("noisy", noisy)).getWidth());
    }

    @Test
    void timeAxisStartsAtZeroToo() throws Exception {
        BenchmarkGroup noisy = new Grouper(GroupingOptions.defaults()).group(List.of(
                Fixtures.result("x.NoisyBenchmark.dynamic", BenchmarkMode.AVERAGE_TIME, Map.of(), 7.5, 9.0, "us/op"),
                Fixtures.result("x.NoisyBenchmark.protodec", BenchmarkMode.AVERAGE_TIME, Map.of(), 1.4, 0.1, "us/op")))
                .get(0);

        JFreeChart chart = charts.scoreChart("t", noisy);
        chart.createBufferedImage(900, 300);
        assertEquals(0.0, chart.getCategoryPlot().getRangeAxis().getLowerBound());
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
