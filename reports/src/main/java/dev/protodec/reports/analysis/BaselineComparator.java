package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkKey;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.Metric;
import dev.protodec.reports.model.ScoreUnits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares new results with a baseline run, benchmark by benchmark, on the measurement iterations
 * JMH keeps in {@code rawData}: see {@link #RULE}.
 */
public final class BaselineComparator {

    /** The p-value at or below which the U test counts a change as real. */
    public static final double ALPHA = 0.05;

    /** The rule, as the report and the module's README state it. */
    public static final String RULE = "The new run's measurement iterations are first divided by how much faster "
            + "the machine ran it than the baseline: the median, over the groups' reference contenders, of each "
            + "reference's new median iteration over its old one (1 if there is no reference). A benchmark "
            + "*regressed* if the median of its iterations so adjusted is worse than the baseline's median "
            + "(lower throughput, or more time per operation) by more than the threshold, and a one-sided "
            + "Mann-Whitney U test on the two runs' iterations finds it worse with p ≤ 0.05; it *improved* "
            + "likewise in the better direction, and anything else is *within noise*. A benchmark with too few "
            + "iterations for the test ever to reach p ≤ 0.05 (3 in each run at least) gets no verdict. "
            + "Benchmarks are matched by name, mode and parameters; scores in units of one kind (ops/ms, "
            + "ops/s) are converted first.";

    private final double thresholdPercent;
    private final GroupingOptions grouping;

    /**
     * @param thresholdPercent the threshold in percent, such as 15
     * @param grouping         how groups and their references are found, as in the report
     */
    public BaselineComparator(double thresholdPercent, GroupingOptions grouping) {
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("threshold must be a non-negative number: " + thresholdPercent);
        }
        this.thresholdPercent = thresholdPercent;
        this.grouping = grouping;
    }

    public BaselineReport compare(List<BenchmarkResult> baseline, List<BenchmarkResult> current) {
        Map<BenchmarkKey, BenchmarkResult> old = new LinkedHashMap<>();
        baseline.forEach(r -> old.putIfAbsent(r.key(), r));
        List<BenchmarkResult[]> pairs = new ArrayList<>();
        List<String> onlyInNew = new ArrayList<>();
        for (BenchmarkResult r : current) {
            BenchmarkResult before = old.remove(r.key());
            if (before == null) {
                onlyInNew.add(r.key().display());
            } else {
                pairs.add(new BenchmarkResult[] {before, r});
            }
        }
        double speed = machineSpeed(pairs, references(current));
        List<Comparison> comparisons = pairs.stream().map(p -> compare(p[0], p[1], speed)).toList();
        List<String> onlyInBaseline = old.keySet().stream().map(BenchmarkKey::display).toList();
        return new BaselineReport(thresholdPercent, speed, comparisons, onlyInNew, onlyInBaseline);
    }

    /** The keys of the groups' references in a run. */
    private Set<BenchmarkKey> references(List<BenchmarkResult> run) {
        Set<BenchmarkKey> references = new LinkedHashSet<>();
        for (BenchmarkGroup g : new Grouper(grouping).group(run)) {
            g.reference().ifPresent(ref -> references.add(ref.result().key()));
        }
        return references;
    }

    /**
     * The median over the references in both runs of new speed / old speed (median iterations;
     * old / new in the time modes), or 1 if none is; NaN ratios (units apart) are left out.
     */
    private static double machineSpeed(List<BenchmarkResult[]> pairs, Set<BenchmarkKey> references) {
        List<Double> ratios = new ArrayList<>();
        for (BenchmarkResult[] p : pairs) {
            if (references.contains(p[1].key())) {
                double ratio = Gate.median(iterations(p[1].primary(), p[1].primary().unit()))
                        / Gate.median(iterations(p[0].primary(), p[1].primary().unit()));
                if (Double.isFinite(ratio) && ratio > 0) {
                    ratios.add(p[1].mode().higherIsBetter() ? ratio : 1 / ratio);
                }
            }
        }
        return ratios.isEmpty() ? 1.0 : Gate.median(ratios);
    }

    private Comparison compare(BenchmarkResult before, BenchmarkResult after, double speed) {
        Metric o = before.primary();
        Metric n = after.primary();
        String unit = n.unit();
        double oldScore = ScoreUnits.convert(o.score(), o.unit(), unit);
        if (Double.isNaN(oldScore) || oldScore == 0) {
            return new Comparison(after.key(), unit, o.score(), o.error(), n.score(), n.error(), Double.NaN,
                    Double.NaN, Double.NaN, Verdict.NOT_COMPARABLE);
        }
        double change = (n.score() - oldScore) / oldScore * 100.0;
        double adjust = after.mode().higherIsBetter() ? 1 / speed : speed;
        List<Double> adjusted = iterations(n, unit).stream().map(v -> v * adjust).toList();
        Gate gate = Gate.of(after.mode().higherIsBetter(), iterations(o, unit), adjusted, thresholdPercent);
        return new Comparison(after.key(), unit, oldScore, ScoreUnits.convert(o.error(), o.unit(), unit),
                n.score(), n.error(), change, gate.changePercent(), gate.pValue(), gate.verdict());
    }

    private static List<Double> iterations(Metric m, String unit) {
        return m.iterationScores().stream().map(v -> ScoreUnits.convert(v, m.unit(), unit)).toList();
    }
}
