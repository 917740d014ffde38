package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkKey;

/**
 * One benchmark present in both the baseline and the new results.
 *
 * @param key           the benchmark
 * @param unit          unit of the new result; the old score is converted to it
 * @param oldScore      baseline score
 * @param oldError      baseline error (NaN if none)
 * @param newScore      new score
 * @param newError      new error (NaN if none)
 * @param changePercent (new − old) / old × 100: the raw change in score, whose good direction
 *                      depends on the mode
 * @param verdict       see {@link BaselineComparator#RULE}
 */
public record Comparison(
        BenchmarkKey key,
        String unit,
        double oldScore,
        double oldError,
        double newScore,
        double newError,
        double changePercent,
        Verdict verdict) {
}
