package dev.protodec.reports.analysis;

import java.util.List;

/**
 * All comparisons against a baseline.
 *
 * @param thresholdPercent the threshold the verdicts used
 * @param machineSpeed     how much faster the machine ran the new results than the baseline, from
 *                         the groups' references (1 without any); the new run was divided by it
 * @param comparisons      benchmarks in both, in the order of the new results
 * @param onlyInNew        benchmarks without a baseline
 * @param onlyInBaseline   benchmarks that are no longer run
 */
public record BaselineReport(
        double thresholdPercent,
        double machineSpeed,
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

    /**
     * For example {@code 12 compared: 1 regressed, 0 improved, 11 within noise; 4 only in the new
     * results}.
     */
    public String summaryLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(comparisons.size()).append(" compared: ")
                .append(count(Verdict.REGRESSED)).append(" regressed, ")
                .append(count(Verdict.IMPROVED)).append(" improved, ")
                .append(count(Verdict.WITHIN_NOISE)).append(" within noise");
        for (Verdict other : List.of(Verdict.TOO_FEW_ITERATIONS, Verdict.NOT_COMPARABLE)) {
            long n = count(other);
            if (n > 0) {
                sb.append(", ").append(n).append(' ').append(other.text());
            }
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
