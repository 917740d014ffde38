package dev.protodec.reports.model;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One JMH metric: the primary one or a secondary such as {@code gc.alloc.rate.norm}.
 *
 * <p>{@code error} and the interval bounds are {@code NaN} where JMH wrote {@code "NaN"} (a single
 * measurement, or a summed metric such as {@code gc.count}).
 *
 * @param score        the aggregated score
 * @param error        half-width of JMH's 99.9% confidence interval, or NaN
 * @param ciLow        lower end of {@code scoreConfidence}, or NaN
 * @param ciHigh       upper end of {@code scoreConfidence}, or NaN
 * @param unit         {@code scoreUnit}, such as {@code ops/s}, {@code us/op} or {@code B/op}
 * @param percentiles  {@code scorePercentiles}, keyed by percentile (0.0 .. 100.0)
 * @param rawData      {@code rawData}: per fork, the score of each measurement iteration
 * @param rawHistogram {@code rawDataHistogram} (sample mode): per fork, per iteration, the bins
 */
public record Metric(
        double score,
        double error,
        double ciLow,
        double ciHigh,
        String unit,
        NavigableMap<Double, Double> percentiles,
        List<List<Double>> rawData,
        List<List<List<HistogramBin>>> rawHistogram) {

    public Metric {
        percentiles = Collections.unmodifiableNavigableMap(new TreeMap<>(percentiles));
        rawData = rawData.stream().map(List::copyOf).toList();
        rawHistogram = rawHistogram.stream()
                .map(fork -> fork.stream().map(List::copyOf).toList())
                .toList();
    }

    /** The error, or 0 where JMH could not compute one. */
    public double errorOrZero() {
        return Double.isFinite(error) ? error : 0.0;
    }

    /** Lower end of the confidence interval: {@code scoreConfidence[0]}, else score − error. */
    public double lower() {
        return Double.isFinite(ciLow) ? ciLow : score - errorOrZero();
    }

    /** Upper end of the confidence interval: {@code scoreConfidence[1]}, else score + error. */
    public double upper() {
        return Double.isFinite(ciHigh) ? ciHigh : score + errorOrZero();
    }

    /** Measurement iterations over all forks, or samples for a histogram. */
    public long sampleCount() {
        if (!rawHistogram.isEmpty()) {
            return rawHistogram.stream()
                    .flatMap(List::stream)
                    .flatMap(List::stream)
                    .mapToLong(HistogramBin::count)
                    .sum();
        }
        return rawData.stream().mapToLong(List::size).sum();
    }

    /**
     * The score of every measurement iteration, forks one after another: {@code rawData}, or in
     * sample mode each iteration's mean from {@code rawDataHistogram}; just the score if JMH wrote
     * neither.
     */
    public List<Double> iterationScores() {
        if (!rawHistogram.isEmpty()) {
            return rawHistogram.stream().flatMap(List::stream).map(Metric::mean).toList();
        }
        List<Double> raw = rawData.stream().flatMap(List::stream).toList();
        return raw.isEmpty() ? List.of(score) : raw;
    }

    private static double mean(List<HistogramBin> bins) {
        double sum = 0;
        long count = 0;
        for (HistogramBin bin : bins) {
            sum += bin.value() * bin.count();
            count += bin.count();
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The given percentile (such as 99.9) if JMH wrote it, else NaN. */
    public double percentile(double p) {
        Double value = percentiles.get(p);
        return value == null ? Double.NaN : value;
    }
}
