package dev.protodec.reports.render;

import dev.protodec.reports.analysis.BaselineComparator;
import dev.protodec.reports.analysis.BaselineReport;
import dev.protodec.reports.analysis.BenchmarkGroup;
import dev.protodec.reports.analysis.Comparison;
import dev.protodec.reports.analysis.Contender;
import dev.protodec.reports.analysis.Environment;
import dev.protodec.reports.analysis.Noise;
import dev.protodec.reports.analysis.PauseStats;
import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.model.GcPause;
import dev.protodec.reports.model.Metric;
import dev.protodec.reports.render.Block.Align;
import dev.protodec.reports.render.Block.Bullets;
import dev.protodec.reports.render.Block.Figure;
import dev.protodec.reports.render.Block.Heading;
import dev.protodec.reports.render.Block.Paragraph;
import dev.protodec.reports.render.Block.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Decides what the report says and in which order; the writers only emit the blocks. */
public final class ReportLayout {

    private static final Align L = Align.LEFT;
    private static final Align R = Align.RIGHT;
    private static final double[] LATENCY_PERCENTILES = {50.0, 90.0, 99.0, 99.9, 99.99, 100.0};

    private final Charts charts;

    public ReportLayout(Charts charts) {
        this.charts = charts;
    }

    public Report layout(ReportData data) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(1, data.title()));
        introduction(data, blocks);
        overview(data, blocks);
        for (int i = 0; i < data.groups().size(); i++) {
            group(String.format("g%02d", i + 1), data.groups().get(i), blocks);
        }
        data.load().ifPresent(load -> new PipelineSection(charts).layout(load, blocks));
        if (!data.gcLogs().isEmpty()) {
            gcPauses(data.gcLogs(), blocks);
        }
        data.baseline().ifPresent(baseline -> baseline(data.baselineFiles(), baseline, blocks));
        environment(data, blocks);
        howToRead(data, blocks);
        return new Report(data.title(), blocks);
    }

    private static void introduction(ReportData data, List<Block> blocks) {
        blocks.add(new Paragraph(data.results().size() + " benchmark results in " + data.groups().size()
                + " groups from " + fileList(data.resultFiles())
                + (data.gcLogs().isEmpty() ? "" : "; " + data.gcLogs().size() + " GC log"
                        + (data.gcLogs().size() == 1 ? "" : "s"))
                + ". Commit `" + data.environment().gitCommit() + "`, " + data.environment().date() + "."
                + noisySummary(data)));
        data.baseline().ifPresent(b -> {
            String text = "**Against the baseline** (" + fileList(data.baselineFiles()) + ", threshold "
                    + Format.plain(b.thresholdPercent()) + "%): " + b.summaryLine() + ".";
            if (b.anyRegression()) {
                text += " Regressed: " + b.regressions().stream()
                        .map(c -> c.key().display())
                        .collect(Collectors.joining("; ")) + ".";
            }
            blocks.add(new Paragraph(text));
        });
    }

    /** For example {@code  5 of 16 scores are noisy (⚠, see below).}, or nothing if none is. */
    private static String noisySummary(ReportData data) {
        long noisy = data.groups().stream().flatMap(g -> g.contenders().stream()).filter(Contender::noisy).count();
        long all = data.groups().stream().mapToLong(g -> g.contenders().size()).sum();
        return noisy == 0 ? "" : " **" + noisy + " of " + all + " scores are noisy** (" + Noise.MARK
                + ": 99.9% error above " + Format.plain(Noise.MAX_RELATIVE_ERROR * 100) + "% of the score).";
    }

    private static void overview(ReportData data, List<Block> blocks) {
        blocks.add(new Heading(2, "Overview"));
        blocks.add(new Paragraph("The best contender of each group and how many times faster it is than the "
                + "group's reference. " + referenceRule(data)));
        List<List<String>> rows = new ArrayList<>();
        for (BenchmarkGroup g : data.groups()) {
            Contender best = g.best();
            rows.add(List.of(g.label(), g.mode().label(), String.valueOf(g.contenders().size()),
                    g.reference().map(Contender::name).orElse(Format.MISSING), best.name(),
                    Format.marked(Format.scoreWithError(best.score(), best.error()) + " " + g.unit(), best.noisy()),
                    Format.marked(Format.ratio(best.ratio()), g.ratioNoisy(best))));
        }
        blocks.add(new Table(List.of("Group", "Mode", "Contenders", "Reference", "Best", "Best score", "× reference"),
                List.of(L, L, R, L, L, R, R), rows));
        long noisyGroups = data.groups().stream().filter(BenchmarkGroup::anyNoisy).count();
        if (noisyGroups > 0) {
            blocks.add(new Paragraph(Noise.RULE + " Groups with a noisy score: " + noisyGroups + " of "
                    + data.groups().size() + "; their tables below mark which rows."));
        }
    }

    /** Says which decode mode each protodec row is, under a group that has a zero-copy row. */
    static final String ZERO_COPY_LEGEND = "Modes: rows marked (zero-copy) parse with `ProtoReader.setZeroCopy(true)`:"
            + " strings and bytes refer to the input and UTF-8 is checked when a string is first decoded (for"
            + " trusted input; QuickBuffers does not check UTF-8 either). Every other protodec row is strict mode,"
            + " which accepts and rejects exactly what protobuf-java does.";

    private static boolean isZeroCopy(Contender c) {
        return c.name().contains("ZeroCopy");
    }

    private static String referenceRule(ReportData data) {
        if (!data.grouping().hasReference()) {
            return "No reference contender was chosen (`--reference none`).";
        }
        return "Reference rule (`--reference " + data.grouping().reference() + "`): the contender whose name "
                + "contains `" + data.grouping().reference() + "`, ignoring case.";
    }

    private void group(String id, BenchmarkGroup g, List<Block> blocks) {
        blocks.add(new Heading(3, g.title()));
        blocks.add(new Paragraph("JMH mode `" + g.mode().label() + "` (" + g.mode().description() + "), "
                + g.run().settingsDescription() + ". Reference: "
                + g.reference().map(r -> "`" + r.name() + "`").orElse("none") + "."));
        String ratioHeader = "× " + g.reference().map(Contender::name).orElse("reference");
        List<List<String>> rows = new ArrayList<>();
        boolean zeroCopy = false;
        for (Contender c : g.contenders()) {
            zeroCopy |= isZeroCopy(c);
            rows.add(List.of(isZeroCopy(c) ? c.name() + " (zero-copy)" : c.name(), Format.marked(Format.scoreWithError(c.score(), c.error()), c.noisy()),
                    Format.bytes(c.bytesPerOp()), Format.integer(c.gcCount()), Format.integer(c.gcTimeMillis()),
                    Format.marked(Format.ratio(c.ratio()), g.ratioNoisy(c))));
        }
        blocks.add(new Table(List.of("Contender", "Score ± error (" + g.unit() + ")", "B/op", "GC count",
                "GC time (ms)", ratioHeader), List.of(L, R, R, R, R, R), rows));
        if (g.anyNoisy()) {
            blocks.add(new Paragraph(Noise.LEGEND));
        }
        if (zeroCopy) {
            blocks.add(new Paragraph(ZERO_COPY_LEGEND));
        }
        if (g.mode().hasLatencyDistribution()) {
            latencyTable(g, blocks);
        }
        blocks.add(new Figure(charts.score(id + "-score", g)));
        charts.latency(id + "-latency", g).ifPresent(c -> blocks.add(new Figure(c)));
        charts.allocation(id + "-allocation", g).ifPresent(c -> blocks.add(new Figure(c)));
        charts.gcActivity(id + "-gc", g).ifPresent(c -> blocks.add(new Figure(c)));
    }

    private static void latencyTable(BenchmarkGroup g, List<Block> blocks) {
        String unit = g.contenders().get(0).result().primary().unit();
        blocks.add(new Paragraph("Latency percentiles (" + unit + ") from JMH's `scorePercentiles`:"));
        List<List<String>> rows = new ArrayList<>();
        for (Contender c : g.contenders()) {
            Metric m = c.result().primary();
            List<String> row = new ArrayList<>();
            row.add(c.name());
            row.add(Format.integer(m.sampleCount()));
            for (double p : LATENCY_PERCENTILES) {
                row.add(Format.number(m.percentile(p)));
            }
            rows.add(row);
        }
        blocks.add(new Table(List.of("Contender", "Samples", "p50", "p90", "p99", "p99.9", "p99.99", "max"),
                List.of(L, R, R, R, R, R, R, R), rows));
    }

    private void gcPauses(List<GcLog> logs, List<Block> blocks) {
        blocks.add(new Heading(2, "GC pauses"));
        blocks.add(new Paragraph("Stop-the-world pauses from the unified GC logs (`-Xlog:gc`); concurrent phases "
                + "are not pauses and are left out. Percentiles are nearest-rank: p99 of fewer than 100 pauses "
                + "is the longest one."));
        List<List<String>> rows = new ArrayList<>();
        List<GcPause> all = new ArrayList<>();
        for (GcLog log : logs) {
            rows.add(pauseRow(String.valueOf(log.source().getFileName()), log.collector(), PauseStats.of(log.pauses())));
            all.addAll(log.pauses());
        }
        if (logs.size() > 1) {
            rows.add(pauseRow("all logs", "", PauseStats.of(all)));
        }
        blocks.add(new Table(List.of("Log", "Collector", "Pauses", "Total (ms)", "Max (ms)", "p50 (ms)", "p99 (ms)"),
                List.of(L, L, R, R, R, R, R), rows));

        Map<String, List<GcPause>> byKind = new LinkedHashMap<>();
        all.forEach(p -> byKind.computeIfAbsent(p.kind(), k -> new ArrayList<>()).add(p));
        if (!byKind.isEmpty()) {
            List<List<String>> kindRows = new ArrayList<>();
            byKind.forEach((kind, pauses) -> {
                PauseStats s = PauseStats.of(pauses);
                kindRows.add(List.of(kind, String.valueOf(s.count()), Format.millis(s.totalMillis()),
                        Format.millis(s.maxMillis()), Format.millis(s.p50Millis())));
            });
            blocks.add(new Table(List.of("Pause kind", "Pauses", "Total (ms)", "Max (ms)", "p50 (ms)"),
                    List.of(L, R, R, R, R), kindRows));
        }
        charts.gcPauses("gc-pauses", logs).ifPresent(c -> blocks.add(new Figure(c)));
        for (GcLog log : logs) {
            if (log.pauses().isEmpty()) {
                blocks.add(new Paragraph("`" + log.source().getFileName() + "`: no pause lines found in "
                        + log.lines() + " lines (expected unified logging, `-Xlog:gc`, JDK 9 or later)."));
            }
        }
    }

    private static List<String> pauseRow(String name, String collector, PauseStats s) {
        return List.of(name, collector, String.valueOf(s.count()), Format.millis(s.totalMillis()),
                Format.millis(s.maxMillis()), Format.millis(s.p50Millis()), Format.millis(s.p99Millis()));
    }

    private static void baseline(List<Path> files, BaselineReport b, List<Block> blocks) {
        blocks.add(new Heading(2, "Baseline comparison"));
        blocks.add(new Paragraph("Against " + fileList(files) + " with a threshold of "
                + Format.plain(b.thresholdPercent()) + "% (`--threshold`). " + BaselineComparator.RULE
                + " The command exits with status 3 if any benchmark regressed."));
        blocks.add(new Paragraph("The machine ran the new results " + Format.fixed(b.machineSpeed(), 3)
                + "× as fast as the baseline, by the references. *Change* is that of JMH's scores (means, for "
                + "information); *gated change* the change of the median iteration, adjusted for the machine, "
                + "that the verdict rests on; *p* the U test's p-value for its direction."));
        blocks.add(new Paragraph("**" + b.summaryLine() + ".**"));
        List<List<String>> rows = new ArrayList<>();
        boolean anyNoisy = false;
        for (Comparison c : b.comparisons()) {
            boolean oldNoisy = Noise.isNoisy(c.oldScore(), c.oldError());
            boolean newNoisy = Noise.isNoisy(c.newScore(), c.newError());
            anyNoisy |= oldNoisy || newNoisy;
            rows.add(List.of(c.key().display(), Format.marked(Format.scoreWithError(c.oldScore(), c.oldError()), oldNoisy),
                    Format.marked(Format.scoreWithError(c.newScore(), c.newError()), newNoisy), c.unit(),
                    Format.percentChange(c.changePercent()), Format.percentChange(c.gatedChangePercent()),
                    Format.pValue(c.pValue()), c.verdict().text()));
        }
        blocks.add(new Table(List.of("Benchmark", "Baseline", "New", "Unit", "Change", "Gated change", "p", "Verdict"),
                List.of(L, R, R, L, R, R, R, L), rows));
        if (anyNoisy) {
            blocks.add(new Paragraph(Noise.LEGEND + " The gate does not use the error: it tests the iterations."));
        }
        if (!b.onlyInNew().isEmpty()) {
            blocks.add(new Paragraph("Only in the new results (no verdict):"));
            blocks.add(new Bullets(b.onlyInNew()));
        }
        if (!b.onlyInBaseline().isEmpty()) {
            blocks.add(new Paragraph("Only in the baseline (no longer run):"));
            blocks.add(new Bullets(b.onlyInBaseline()));
        }
    }

    private static void environment(ReportData data, List<Block> blocks) {
        Environment e = data.environment();
        blocks.add(new Heading(2, "Environment"));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("CPU", e.cpuModel()));
        rows.add(List.of("Cores", e.cores()));
        rows.add(List.of("Memory", e.memory()));
        rows.add(List.of("OS", e.os()));
        rows.add(List.of("JDK", String.join("; ", e.jdks())));
        rows.add(List.of("JVM arguments", e.jvmArgs().stream().map(a -> "`" + a + "`").collect(Collectors.joining("; "))));
        rows.add(List.of("JMH", String.join("; ", e.jmhVersions())));
        rows.add(List.of("Run settings", String.join("; ", e.runSettings())));
        rows.add(List.of("Git commit", e.gitCommit()));
        rows.add(List.of("Report date", e.date()));
        blocks.add(new Table(List.of("What", "Value"), List.of(L, L), rows));
        blocks.add(new Paragraph("CPU, cores, memory and OS are those of the machine that wrote this report; "
                + "JDK, JVM arguments and settings are what JMH recorded in the results."));
    }

    private static void howToRead(ReportData data, List<Block> blocks) {
        blocks.add(new Heading(2, "How to read this report"));
        List<String> notes = new ArrayList<>();
        notes.add("Score ± error is JMH's score with the half-width of its 99.9% confidence interval; "
                + "throughput is shown in ops/s whatever unit the benchmark used.");
        notes.add(Noise.RULE);
        notes.add("B/op is `gc.alloc.rate.norm` (bytes allocated per operation); GC count and GC time are "
                + "`gc.count` and `gc.time`, summed over the measurement iterations. All three need `-prof gc`.");
        notes.add("× reference: the contender's throughput divided by the reference's, or for time modes the "
                + "reference's time divided by the contender's, so above 1 is always faster. " + referenceRule(data));
        String groups = "Groups: one benchmark class in one JMH mode with one set of `@Param` values";
        if (data.grouping().splitsMethods()) {
            groups += "; if every method name of the class contains `" + data.grouping().variantSeparator()
                    + "`, the part before it names a variant group (`--variant-separator`)";
        }
        notes.add(groups + ".");
        if (data.results().stream().anyMatch(r -> !r.runLabel().isEmpty())) {
            notes.add("The same benchmarks came from several result files; their groups carry the JDK or the file.");
        }
        blocks.add(new Bullets(notes));
    }

    private static String fileList(List<Path> files) {
        return files.stream().map(f -> "`" + f.getFileName() + "`").collect(Collectors.joining(", "));
    }
}
