package dev.protodec.reports;

import dev.protodec.reports.analysis.BaselineComparator;
import dev.protodec.reports.analysis.BaselineReport;
import dev.protodec.reports.analysis.BenchmarkGroup;
import dev.protodec.reports.analysis.EnvironmentProbe;
import dev.protodec.reports.analysis.Grouper;
import dev.protodec.reports.analysis.RunLabels;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.model.LoadResult;
import dev.protodec.reports.read.GcLogReader;
import dev.protodec.reports.read.JmhJsonReader;
import dev.protodec.reports.read.LoadJsonReader;
import dev.protodec.reports.read.ReportInputException;
import dev.protodec.reports.render.ChartImage;
import dev.protodec.reports.render.Charts;
import dev.protodec.reports.render.HtmlWriter;
import dev.protodec.reports.render.MarkdownWriter;
import dev.protodec.reports.render.Report;
import dev.protodec.reports.render.ReportData;
import dev.protodec.reports.render.ReportLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads every input, then writes report.md, report.html and the chart PNGs. */
public final class ReportGenerator {

    static final String MARKDOWN = "report.md";
    static final String HTML = "report.html";
    static final String CHART_DIRECTORY = "charts";

    private final JmhJsonReader jmhReader = new JmhJsonReader();
    private final GcLogReader gcReader = new GcLogReader();
    private final EnvironmentProbe environmentProbe;
    private final Clock clock;

    public ReportGenerator(EnvironmentProbe environmentProbe, Clock clock) {
        this.environmentProbe = environmentProbe;
        this.clock = clock;
    }

    /**
     * Reads all inputs before writing anything, so a bad input leaves the output directory alone.
     *
     * @throws ReportInputException an input is missing, unreadable or malformed
     * @throws IOException          the report could not be written
     */
    public ReportOutcome generate(ReportOptions options) throws ReportInputException, IOException {
        List<BenchmarkResult> results = readResults(options.results());
        List<GcLog> gcLogs = new ArrayList<>();
        for (Path log : options.gcLogs()) {
            gcLogs.add(gcReader.read(log));
        }
        Optional<BaselineReport> baseline = Optional.empty();
        if (!options.baselines().isEmpty()) {
            baseline = Optional.of(new BaselineComparator(options.thresholdPercent(), options.grouping())
                    .compare(readResults(options.baselines()), results));
        }
        Optional<LoadResult> load = Optional.empty();
        if (options.load().isPresent()) {
            load = Optional.of(new LoadJsonReader().read(options.load().get()));
        }
        List<BenchmarkGroup> groups = new Grouper(options.grouping()).group(results);
        ReportData data = new ReportData(options.title(), options.results(), results, groups, options.grouping(),
                gcLogs, options.baselines(), baseline,
                environmentProbe.probe(results, ZonedDateTime.now(clock)), load);
        Report report = new ReportLayout(new Charts()).layout(data);

        Path out = options.out().toAbsolutePath().normalize();
        Path markdown = out.resolve(MARKDOWN);
        Path html = out.resolve(HTML);
        writeCharts(out.resolve(CHART_DIRECTORY), report.charts());
        Files.writeString(markdown, new MarkdownWriter(CHART_DIRECTORY).write(report), StandardCharsets.UTF_8);
        Files.writeString(html, new HtmlWriter().write(report), StandardCharsets.UTF_8);
        return new ReportOutcome(markdown, html, baseline, warnings(gcLogs, baseline));
    }

    private List<BenchmarkResult> readResults(List<Path> files) throws ReportInputException {
        List<List<BenchmarkResult>> perFile = new ArrayList<>();
        for (Path file : files) {
            perFile.add(jmhReader.read(file));
        }
        return RunLabels.assign(perFile);
    }

    /** Replaces the PNGs of an earlier report in the chart directory with this report's. */
    private static void writeCharts(Path directory, List<ChartImage> charts) throws IOException {
        Files.createDirectories(directory);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(directory, "*.png")) {
            for (Path png : old) {
                Files.delete(png);
            }
        }
        for (ChartImage chart : charts) {
            Files.write(directory.resolve(chart.fileName()), chart.png());
        }
    }

    private static List<String> warnings(List<GcLog> gcLogs, Optional<BaselineReport> baseline) {
        List<String> warnings = new ArrayList<>();
        for (GcLog log : gcLogs) {
            if (log.pauses().isEmpty()) {
                warnings.add(log.source() + ": no GC pause lines found (expected -Xlog:gc output)");
            }
        }
        baseline.filter(b -> b.comparisons().isEmpty())
                .ifPresent(b -> warnings.add("the baseline has no benchmark in common with the results"));
        return warnings;
    }
}
