package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkKey;

/**
 * One benchmark present in both the baseline and the new results.
 *
 * @param key                the benchmark
 * @param unit               unit of the new result; the old score is converted to it
 * @param oldScore           baseline score
 * @param oldError           baseline error (NaN if none)
 * @param newScore           new score
 * @param newError           new error (NaN if none)
 * @param changePercent      (new − old) / old × 100 of JMH's scores: the raw change, whose good
 *                           direction depends on the mode
 * @param gatedChangePercent the change the gate judges: of the median iteration, the new run's
 *                           adjusted by the {@link BaselineReport#machineSpeed()}; NaN if none
 * @param pValue             one-sided Mann-Whitney U p-value of the change's direction; NaN if none
 * @param verdict            see {@link BaselineComparator#RULE}
 */
public record Comparison(
        BenchmarkKey key,
        String unit,
        double oldScore,
        double oldError,
        double newScore,
        double newError,
        double changePercent,
        double gatedChangePercent,
        double pValue,
        Verdict verdict) {
}
