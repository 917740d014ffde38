package dev.protodec.reports.analysis;

import dev.protodec.reports.model.GcPause;
import java.util.List;

/**
 * Summary of GC pauses. Percentiles use the nearest-rank method: the p-th percentile of n sorted
 * pauses is the ⌈p/100 · n⌉-th smallest, so p99 of fewer than 100 pauses is the longest.
 */
public record PauseStats(int count, double totalMillis, double maxMillis, double p50Millis, double p99Millis) {

    public static PauseStats of(List<GcPause> pauses) {
        double[] sorted = pauses.stream().mapToDouble(GcPause::millis).sorted().toArray();
        if (sorted.length == 0) {
            return new PauseStats(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double total = 0;
        for (double d : sorted) {
            total += d;
        }
        return new PauseStats(sorted.length, total, sorted[sorted.length - 1],
                nearestRank(sorted, 50), nearestRank(sorted, 99));
    }

    static double nearestRank(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
