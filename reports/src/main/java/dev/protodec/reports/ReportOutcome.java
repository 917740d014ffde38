package dev.protodec.reports;

import dev.protodec.reports.analysis.BaselineReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a run produced.
 *
 * @param markdown absolute path of report.md
 * @param html     absolute path of report.html
 * @param baseline the comparison, if a baseline was given
 * @param warnings things the user should know that did not stop the report
 */
public record ReportOutcome(Path markdown, Path html, Optional<BaselineReport> baseline, List<String> warnings) {

    public ReportOutcome {
        warnings = List.copyOf(warnings);
    }

    public boolean regressed() {
        return baseline.map(BaselineReport::anyRegression).orElse(false);
    }
}
