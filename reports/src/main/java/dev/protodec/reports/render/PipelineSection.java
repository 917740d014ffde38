package dev.protodec.reports.render;

import dev.protodec.reports.model.LoadResult;
import dev.protodec.reports.model.LoadResult.Run;
import dev.protodec.reports.render.Block.Align;
import dev.protodec.reports.render.Block.Bullets;
import dev.protodec.reports.render.Block.Figure;
import dev.protodec.reports.render.Block.Heading;
import dev.protodec.reports.render.Block.Paragraph;
import dev.protodec.reports.render.Block.Table;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The pipeline over real sockets ({@code bin/load}): per scenario, each decoder and dnsdist with req/s
 * (median over the repeats and their spread), p99, p99.9, bytes per request and GC pauses, the
 * generated/reflective ratios; the open-loop latency distributions; where the time goes per request.
 */
final class PipelineSection {
    /** Repeats whose req/s spread (max - min) exceeds this share of the median are noisy. */
    static final double MAX_SPREAD = 0.10;
    /**
     * Repeats whose highest p99 is more than this many times their lowest are noisy: in the open loop
     * req/s is the rate asked, so a noisy machine shows in the latencies only.
     */
    static final double MAX_P99_FACTOR = 2.0;
    static final List<String> ORDER = List.of("generated", "reflective", "wire", "dnsdist");

    private static final Align L = Align.LEFT;
    private static final Align R = Align.RIGHT;

    private final Charts charts;

    PipelineSection(Charts charts) {
        this.charts = charts;
    }

    /** A contender's runs of one scenario, summarised. */
    record Row(String server, List<Run> runs) {
        double median(ToDoubleFunction<Run> f) {
            double[] v = runs.stream().mapToDouble(f).filter(d -> !Double.isNaN(d)).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        double min() {
            return runs.stream().mapToDouble(Run::reqPerSec).min().orElse(Double.NaN);
        }

        double max() {
            return runs.stream().mapToDouble(Run::reqPerSec).max().orElse(Double.NaN);
        }

        boolean rateNoisy() {
            return runs.size() > 1 && (max() - min()) > MAX_SPREAD * median(Run::reqPerSec);
        }

        boolean tailNoisy() {
            DoubleSummaryStatistics p99 = runs.stream().mapToDouble(Run::p99Micros).filter(d -> !Double.isNaN(d))
                    .summaryStatistics();
            return p99.getCount() > 1 && p99.getMax() > MAX_P99_FACTOR * p99.getMin();
        }

        boolean noisy() {
            return rateNoisy() || tailNoisy();
        }

        long errors() {
            return runs.stream().mapToLong(Run::errors).sum();
        }
    }

    void layout(LoadResult load, List<Block> blocks) {
        blocks.add(new Heading(2, "The pipeline over sockets (DoH server under load)"));
        blocks.add(new Paragraph("From `" + load.source().getFileName() + "` (`bin/load " + load.mode() + "`"
                + (load.mode().equals("quick") ? ", **quick mode: short runs, one repeat; read the ratios, not the "
                + "absolute numbers**" : "") + "). The server runs as its own process (`protodec-doh.jar serve`, one "
                + "event-loop thread, TLS) with each cache decoder in turn, warmed first: every distinct question "
                + "asked and checked once, so every measured request is a cache hit, then unmeasured h2load rounds "
                + "until its rate stops rising (a fresh server sharing its pinned core with the JIT took a minute or "
                + "more to reach its rate; a warm-up that did not level off is noted). Workload: " + load.workload()
                + "."));
        blocks.add(new Paragraph("**Pinning:** " + load.pinning() + ". Closed loop: `h2load -c 16 -m 16 -t 1`, fixed "
                + "time after a warm-up; open loop: a Netty HTTP/2 generator sending at a fixed rate, latency from "
                + "each request's intended send time (no coordinated omission), rates as shares of the reflective "
                + "server's closed-loop GET maximum. Bytes per request: the server's `ThreadMXBean` total of "
                + "allocated bytes over its answered requests in the window (from /metrics); GC: pauses in the "
                + "server's GC log inside the window."));
        Map<String, Map<String, List<Run>>> byScenario = new LinkedHashMap<>();
        for (Run r : load.runs()) {
            byScenario.computeIfAbsent(r.scenario(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(r.server(), s -> new ArrayList<>()).add(r);
        }
        List<List<String>> rows = new ArrayList<>();
        boolean anyNoisy = false;
        for (Map.Entry<String, Map<String, List<Run>>> s : byScenario.entrySet()) {
            Map<String, Row> summary = summarise(s.getValue());
            Row reflective = summary.get("reflective");
            for (Row row : summary.values()) {
                anyNoisy |= row.noisy() || reflective != null && reflective.noisy();
                rows.add(row(s.getKey(), row, reflective));
            }
        }
        blocks.add(new Table(List.of("Scenario", "Server", "Runs", "req/s (median)", "spread", "p50 (µs)",
                "p99 (µs)", "p99.9 (µs)", "B/request", "GC pauses", "GC total (ms)", "GC max (ms)", "Errors",
                "req/s × reflective", "p99 ÷ reflective"),
                List.of(L, L, R, R, R, R, R, R, R, R, R, R, R, R, R), rows));
        if (anyNoisy) {
            blocks.add(new Paragraph("⚠ noisy: the repeats' req/s spread (max − min) is above "
                    + Format.plain(MAX_SPREAD * 100) + "% of their median (req/s marked), or their highest p99 is more "
                    + "than " + Format.plain(MAX_P99_FACTOR) + "× their lowest (p99 marked): wider than the differences "
                    + "read here; a ratio is marked when either side is."));
        }
        blocks.add(new Paragraph("Ratios: req/s × reflective above 1 is more throughput than the reflective "
                + "(`DynamicMessage`) decoder; p99 ÷ reflective below 1 is a shorter tail. In the open loop every "
                + "server is asked the same rate, so req/s only shows whether it kept up; compare the latencies."));
        openLoopCharts(byScenario, blocks);
        breakdown(load, blocks);
        if (!load.notes().isEmpty()) {
            blocks.add(new Paragraph("Notes from the run:"));
            blocks.add(new Bullets(load.notes()));
        }
    }

    private static Map<String, Row> summarise(Map<String, List<Run>> byServer) {
        Map<String, Row> out = new LinkedHashMap<>();
        for (String server : ORDER) {
            if (byServer.containsKey(server)) {
                out.put(server, new Row(server, byServer.get(server)));
            }
        }
        byServer.forEach((server, runs) -> out.putIfAbsent(server, new Row(server, runs)));
        return out;
    }

    private static List<String> row(String scenario, Row row, Row reflective) {
        double rps = row.median(Run::reqPerSec);
        String spread = row.runs().size() > 1
                ? Format.integer(row.min()) + "–" + Format.integer(row.max()) : Format.MISSING;
        String label = scenario;
        double target = row.median(Run::targetRate);
        if (!Double.isNaN(target)) {
            label += " (" + Format.integer(target) + "/s)";
        }
        String rpsRatio = Format.MISSING;
        String p99Ratio = Format.MISSING;
        if (reflective != null) {
            rpsRatio = Format.marked(Format.ratio(rps / reflective.median(Run::reqPerSec)),
                    row.rateNoisy() || reflective.rateNoisy());
            p99Ratio = Format.marked(Format.ratio(row.median(Run::p99Micros) / reflective.median(Run::p99Micros)),
                    row.noisy() || reflective.noisy());
        }
        int pauses = (int) row.median(r -> r.gcPauses() < 0 ? Double.NaN : r.gcPauses());
        return List.of(label, row.server(), String.valueOf(row.runs().size()),
                Format.marked(Format.integer(rps), row.rateNoisy()), spread,
                Format.integer(row.median(Run::p50Micros)),
                Format.marked(Format.integer(row.median(Run::p99Micros)), row.tailNoisy()),
                Format.integer(row.median(Run::p999Micros)), Format.bytes(row.median(Run::bytesPerRequest)),
                row.runs().get(0).gcPauses() < 0 ? Format.MISSING : String.valueOf(pauses),
                Format.millis(row.median(Run::gcTotalMillis)), Format.millis(row.median(Run::gcMaxMillis)),
                String.valueOf(row.errors()), rpsRatio, p99Ratio);
    }

    private void openLoopCharts(Map<String, Map<String, List<Run>>> byScenario, List<Block> blocks) {
        int n = 0;
        for (Map.Entry<String, Map<String, List<Run>>> s : byScenario.entrySet()) {
            Map<String, List<double[]>> series = new LinkedHashMap<>();
            String title = null;
            for (Row row : summarise(s.getValue()).values()) {
                Run first = row.runs().get(0);
                if (!first.kind().equals("open") || first.percentiles().isEmpty()) {
                    continue;
                }
                title = "Open loop at " + Format.integer(first.targetRate()) + " req/s: latency by percentile";
                series.put(row.server() + (row.runs().size() > 1 ? " (repeat 1)" : ""), first.percentiles());
            }
            if (!series.isEmpty()) {
                if (n == 0) {
                    blocks.add(new Paragraph("Latency percentile distributions of the open-loop runs (HdrHistogram, "
                            + "from the intended send time; the x axis spreads the tail: 90%, 99%, 99.9%, ...)."));
                }
                blocks.add(new Figure(charts.percentileDistribution(String.format("load-open-%02d", ++n), title,
                        series)));
            }
        }
    }

    private static void breakdown(LoadResult load, List<Block> blocks) {
        if (load.breakdown().isEmpty()) {
            return;
        }
        blocks.add(new Heading(3, "Where the time goes per request"));
        blocks.add(new Paragraph(load.breakdownNote() + ". µs/request is the share times the pinned core's time "
                + "per request (1 / req/s). JFR samples Java frames only: time in native code and system calls "
                + "(BoringSSL's crypto, socket writes, epoll) is not in these samples, so TLS and I/O are undercounted "
                + "and the shares are of the Java-side work."));
        List<List<String>> rows = new ArrayList<>();
        for (LoadResult.Share s : load.breakdown()) {
            rows.add(List.of(s.category(), String.valueOf(s.samples()), Format.fixed(s.share() * 100, 1) + "%",
                    Format.fixed(s.microsPerRequest(), 2)));
        }
        blocks.add(new Table(List.of("Category", "Samples", "Share", "µs/request"), List.of(L, R, R, R), rows));
    }
}
