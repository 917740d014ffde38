package dev.protodec.reports.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.read.JmhJsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GrouperTest {

    private static List<BenchmarkResult> results;

    @BeforeAll
    static void read() throws Exception {
        JmhJsonReader reader = new JmhJsonReader();
        results = new ArrayList<>(reader.read(Fixtures.path("jmh/decode-jdk17.json")));
        results.addAll(reader.read(Fixtures.path("jmh/latency-jdk17.json")));
    }

    @Test
    void groupsByClassVariantParamsAndMode() {
        List<BenchmarkGroup> groups = new Grouper(GroupingOptions.defaults()).group(results);

        assertEquals(List.of(
                "DnsDecodeBenchmark · deep (thrpt)",
                "DnsDecodeBenchmark · light (thrpt)",
                "OtlpDecodeBenchmark [mode=deep] (thrpt)",
                "OtlpDecodeBenchmark [mode=light] (thrpt)",
                "DnsLatencyBenchmark (avgt)",
                "DnsLatencyBenchmark (sample)"), groups.stream().map(BenchmarkGroup::title).toList());
        assertEquals(Map.of("mode", "light"), groups.get(3).params());
        assertEquals("deep", groups.get(0).variant());
    }

    @Test
    void referenceFirstThenBestFirst() {
        BenchmarkGroup deep = new Grouper(GroupingOptions.defaults()).group(results).get(0);

        assertEquals(List.of("dynamic", "quickbuf", "protodec", "protobufJava"),
                deep.contenders().stream().map(Contender::name).toList());
        assertEquals("dynamic", deep.reference().orElseThrow().name());
        assertEquals("quickbuf", deep.best().name());
        assertEquals("ops/s", deep.unit());
    }

    @Test
    void throughputRatioIsScoreOverReference() {
        BenchmarkGroup deep = new Grouper(GroupingOptions.defaults()).group(results).get(0);
        Contender protodec = contender(deep, "protodec");

        assertEquals(706353.1643265656 / 120930.0040188748, protodec.ratio(), 1e-12);
        assertEquals(5.84, protodec.ratio(), 0.005);
        assertEquals(1.0, deep.reference().orElseThrow().ratio());
        assertEquals(611.9226188279822, protodec.bytesPerOp());
        assertEquals(37.0, protodec.gcCount());
        assertEquals(37.0, protodec.gcTimeMillis());
    }

    @Test
    void timeRatioIsReferenceOverScoreSoAboveOneIsFaster() {
        BenchmarkGroup avgt = new Grouper(GroupingOptions.defaults()).group(results).get(4);
        Contender protodec = contender(avgt, "protodec");

        assertEquals(BenchmarkMode.AVERAGE_TIME, avgt.mode());
        assertEquals("us/op", avgt.unit());
        assertEquals(7.5903787441721615 / 1.419172649871581, protodec.ratio(), 1e-12);
        assertEquals("protodec", avgt.best().name());
    }

    @Test
    void referenceMatchesCaseInsensitively() {
        BenchmarkGroup otlp = new Grouper(GroupingOptions.defaults()).group(results).get(2);

        assertEquals("dynamicMessage", otlp.reference().orElseThrow().name());

        BenchmarkGroup byOther = new Grouper(new GroupingOptions("PROTOBUFJAVA", "_")).group(results).get(0);
        assertEquals("protobufJava", byOther.reference().orElseThrow().name());
        assertEquals(1.0, contender(byOther, "protobufJava").ratio());
    }

    @Test
    void noReferenceMeansNoRatio() {
        BenchmarkGroup deep = new Grouper(new GroupingOptions("", "_")).group(results).get(0);

        assertTrue(deep.reference().isEmpty());
        assertTrue(deep.contenders().stream().allMatch(c -> Double.isNaN(c.ratio())));
        assertEquals("quickbuf", deep.contenders().get(0).name(), "best first when there is no reference");
    }

    @Test
    void withoutVariantSeparatorOneGroupPerClassAndShortestMatchingReference() {
        List<BenchmarkGroup> groups = new Grouper(new GroupingOptions("dynamic", "")).group(results);
        BenchmarkGroup dns = groups.get(0);

        assertEquals("DnsDecodeBenchmark (thrpt)", dns.title());
        assertEquals(8, dns.contenders().size());
        assertEquals("deep_dynamic", dns.reference().orElseThrow().name(), "deep_dynamic is shorter than light_dynamic");
    }

    @Test
    void methodsAreSplitOnlyIfEveryMethodOfTheClassHasTheSeparator() {
        List<BenchmarkResult> mixed = List.of(
                Fixtures.result("x.ParseBenchmark.baseline", BenchmarkMode.THROUGHPUT, Map.of(), 10, 1, "ops/s"),
                Fixtures.result("x.ParseBenchmark.parse_fast", BenchmarkMode.THROUGHPUT, Map.of(), 20, 1, "ops/s"),
                Fixtures.result("x.ParseBenchmark.parse_dynamic", BenchmarkMode.THROUGHPUT, Map.of(), 5, 1, "ops/s"));
        List<BenchmarkGroup> groups = new Grouper(GroupingOptions.defaults()).group(mixed);

        assertEquals(1, groups.size());
        assertEquals("", groups.get(0).variant());
        assertEquals(List.of("parse_dynamic", "parse_fast", "baseline"),
                groups.get(0).contenders().stream().map(Contender::name).toList());
        assertEquals(4.0, contender(groups.get(0), "parse_fast").ratio());
    }

    @Test
    void throughputInOtherUnitsIsShownInOpsPerSecond() {
        List<BenchmarkResult> mixedUnits = List.of(
                Fixtures.result("x.B.dynamic", BenchmarkMode.THROUGHPUT, Map.of(), 120.0, 2.0, "ops/ms"),
                Fixtures.result("x.B.fast", BenchmarkMode.THROUGHPUT, Map.of(), 480000.0, 1000.0, "ops/s"));
        BenchmarkGroup g = new Grouper(GroupingOptions.defaults()).group(mixedUnits).get(0);

        assertEquals(120000.0, contender(g, "dynamic").score(), 1e-9);
        assertEquals(2000.0, contender(g, "dynamic").error(), 1e-9);
        assertEquals(4.0, contender(g, "fast").ratio(), 1e-12);
    }

    private static Contender contender(BenchmarkGroup group, String name) {
        return group.contenders().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
