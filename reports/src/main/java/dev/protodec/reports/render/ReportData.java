package dev.protodec.reports.render;

import dev.protodec.reports.analysis.BaselineReport;
import dev.protodec.reports.analysis.BenchmarkGroup;
import dev.protodec.reports.analysis.Environment;
import dev.protodec.reports.analysis.GroupingOptions;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.GcLog;
import dev.protodec.reports.model.LoadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the layout shows.
 *
 * @param title         report title
 * @param resultFiles   the JMH JSON files read
 * @param results       every result, with run labels
 * @param groups        the results grouped
 * @param grouping      the rules the groups were made with
 * @param gcLogs        GC logs read (may be empty)
 * @param baselineFiles baseline files read (may be empty)
 * @param baseline      the comparison, if a baseline was given
 * @param environment   where it ran
 * @param load          the load run over sockets ({@code --load}), if given
 */
public record ReportData(
        String title,
        List<Path> resultFiles,
        List<BenchmarkResult> results,
        List<BenchmarkGroup> groups,
        GroupingOptions grouping,
        List<GcLog> gcLogs,
        List<Path> baselineFiles,
        Optional<BaselineReport> baseline,
        Environment environment,
        Optional<LoadResult> load) {

    public ReportData {
        resultFiles = List.copyOf(resultFiles);
        results = List.copyOf(results);
        groups = List.copyOf(groups);
        gcLogs = List.copyOf(gcLogs);
        baselineFiles = List.copyOf(baselineFiles);
    }
}
