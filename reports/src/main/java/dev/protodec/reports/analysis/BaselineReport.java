package dev.protodec.reports.analysis;

import java.util.List;

/**
 * All comparisons against a baseline.
 *
 * @param thresholdPercent the threshold the verdicts used
 * @param comparisons      benchmarks in both, in the order of the new results
 * @param onlyInNew        benchmarks without a baseline
 * @param onlyInBaseline   benchmarks that are no longer run
 */
public record BaselineReport(
        double thresholdPercent,
        List<Comparison> comparisons,
        List<String> onlyInNew,
        List<String> onlyInBaseline) {

    public BaselineReport {
        comparisons = List.copyOf(comparisons);
        onlyInNew = List.copyOf(onlyInNew);
        onlyInBaseline = List.copyOf(onlyInBaseline);
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).count();
    }

    public boolean anyRegression() {
        return count(Verdict.REGRESSED) > 0;
    }

    public List<Comparison> regressions() {
        return comparisons.stream().filter(c -> c.verdict() == Verdict.REGRESSED).toList();
    }

    /** For example {@code 12 compared: 1 regressed, 0 improved, 11 within noise; 4 only in new results}. */
    public String summaryLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(comparisons.size()).append(" compared: ")
                .append(count(Verdict.REGRESSED)).append(" regressed, ")
                .append(count(Verdict.IMPROVED)).append(" improved, ")
                .append(count(Verdict.WITHIN_NOISE)).append(" within noise");
        long notComparable = count(Verdict.NOT_COMPARABLE);
        if (notComparable > 0) {
            sb.append(", ").append(notComparable).append(" not comparable");
        }
        if (!onlyInNew.isEmpty()) {
            sb.append("; ").append(onlyInNew.size()).append(" only in the new results");
        }
        if (!onlyInBaseline.isEmpty()) {
            sb.append("; ").append(onlyInBaseline.size()).append(" only in the baseline");
        }
        return sb.toString();
    }
}
