package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkKey;
import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.Metric;
import dev.protodec.reports.model.ScoreUnits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compares new results with a baseline run, benchmark by benchmark. */
public final class BaselineComparator {

    /** The rule, as the report and the module's README state it. */
    public static final String RULE = "A benchmark present in both runs *regressed* if its score got worse "
            + "(lower throughput, or more time per operation) by more than the threshold relative to the "
            + "baseline score, |new − old| / old > threshold, *and* the two 99.9% confidence intervals "
            + "[score − error, score + error] do not overlap (the change exceeds the combined error). "
            + "It *improved* under the same two conditions in the better direction; anything else is "
            + "*within noise*. An error JMH could not compute (NaN) counts as 0. Scores in different "
            + "units of one kind (ops/ms and ops/s) are converted first. Benchmarks are matched by name, "
            + "mode and parameters.";

    private final double thresholdPercent;

    /** @param thresholdPercent the threshold in percent, such as 10 */
    public BaselineComparator(double thresholdPercent) {
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("threshold must be a non-negative number: " + thresholdPercent);
        }
        this.thresholdPercent = thresholdPercent;
    }

    public BaselineReport compare(List<BenchmarkResult> baseline, List<BenchmarkResult> current) {
        Map<BenchmarkKey, BenchmarkResult> old = new LinkedHashMap<>();
        baseline.forEach(r -> old.putIfAbsent(r.key(), r));
        List<Comparison> comparisons = new ArrayList<>();
        List<String> onlyInNew = new ArrayList<>();
        for (BenchmarkResult r : current) {
            BenchmarkResult before = old.remove(r.key());
            if (before == null) {
                onlyInNew.add(r.key().display());
            } else {
                comparisons.add(compare(before, r));
            }
        }
        List<String> onlyInBaseline = old.keySet().stream().map(BenchmarkKey::display).toList();
        return new BaselineReport(thresholdPercent, comparisons, onlyInNew, onlyInBaseline);
    }

    private Comparison compare(BenchmarkResult before, BenchmarkResult after) {
        Metric o = before.primary();
        Metric n = after.primary();
        String unit = n.unit();
        double oldScore = ScoreUnits.convert(o.score(), o.unit(), unit);
        double oldError = ScoreUnits.convert(o.error(), o.unit(), unit);
        double oldLower = ScoreUnits.convert(o.lower(), o.unit(), unit);
        double oldUpper = ScoreUnits.convert(o.upper(), o.unit(), unit);
        if (Double.isNaN(oldScore) || oldScore == 0) {
            return new Comparison(after.key(), unit, o.score(), o.error(), n.score(), n.error(), Double.NaN,
                    Verdict.NOT_COMPARABLE);
        }
        double change = (n.score() - oldScore) / oldScore * 100.0;
        Verdict verdict = verdict(after.mode(), oldScore, oldLower, oldUpper, n.score(), n.lower(), n.upper(),
                thresholdPercent);
        return new Comparison(after.key(), unit, oldScore, oldError, n.score(), n.error(), change, verdict);
    }

    /** The {@link #RULE} for one pair of scores with their confidence intervals, in one unit. */
    static Verdict verdict(BenchmarkMode mode, double oldScore, double oldLower, double oldUpper,
                           double newScore, double newLower, double newUpper, double thresholdPercent) {
        double relative = Math.abs(newScore - oldScore) / Math.abs(oldScore);
        boolean disjoint = newUpper < oldLower || newLower > oldUpper;
        if (relative * 100.0 <= thresholdPercent || !disjoint) {
            return Verdict.WITHIN_NOISE;
        }
        boolean worse = mode.higherIsBetter() ? newScore < oldScore : newScore > oldScore;
        return worse ? Verdict.REGRESSED : Verdict.IMPROVED;
    }
}
