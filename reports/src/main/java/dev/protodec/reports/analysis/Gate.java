package dev.protodec.reports.analysis;

import java.util.List;

/**
 * The verdict of {@link BaselineComparator#RULE} on two runs' iterations of one benchmark, already
 * normalized and in one unit.
 *
 * @param changePercent change of the median, new against old, in percent
 * @param pValue        one-sided U-test p-value of a change in the direction observed
 * @param verdict       the outcome
 */
record Gate(double changePercent, double pValue, Verdict verdict) {

    static Gate of(boolean higherIsBetter, List<Double> old, List<Double> now, double thresholdPercent) {
        if (old.stream().anyMatch(v -> !Double.isFinite(v)) || now.stream().anyMatch(v -> !Double.isFinite(v))) {
            return new Gate(Double.NaN, Double.NaN, Verdict.NOT_COMPARABLE);
        }
        double oldMedian = median(old);
        double change = (median(now) - oldMedian) / oldMedian * 100.0;
        boolean lower = change < 0;
        double p = lower ? MannWhitney.pLess(now, old) : MannWhitney.pLess(old, now);
        if (MannWhitney.smallestP(old.size(), now.size()) > BaselineComparator.ALPHA) {
            return new Gate(change, p, Verdict.TOO_FEW_ITERATIONS);
        }
        if (Math.abs(change) <= thresholdPercent || p > BaselineComparator.ALPHA) {
            return new Gate(change, p, Verdict.WITHIN_NOISE);
        }
        return new Gate(change, p, lower == higherIsBetter ? Verdict.REGRESSED : Verdict.IMPROVED);
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
