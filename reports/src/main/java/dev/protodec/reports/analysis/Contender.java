package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkResult;

/**
 * One row of a group: a benchmark method, its score in the group's unit and its ratio to the
 * group's reference.
 *
 * @param name   the method name, less the variant prefix if the group has one
 * @param result what JMH wrote
 * @param score  score in the group's display unit
 * @param error  error in the group's display unit (NaN if JMH had none)
 * @param ratio  how many times better than the reference (higher is better in every mode); NaN
 *               when the group has no reference
 */
public record Contender(String name, BenchmarkResult result, double score, double error, double ratio) {

    /** Whether the score's 99.9% error is wider than {@link Noise} allows. */
    public boolean noisy() {
        return Noise.isNoisy(score, error);
    }

    /** Bytes allocated per operation ({@code gc.alloc.rate.norm}), or NaN without {@code -prof gc}. */
    public double bytesPerOp() {
        return result.secondaryScore(BenchmarkResult.ALLOC_NORM);
    }

    /** Collections during the measurement iterations ({@code gc.count}), or NaN. */
    public double gcCount() {
        return result.secondaryScore(BenchmarkResult.GC_COUNT);
    }

    /** Milliseconds of GC during the measurement iterations ({@code gc.time}), or NaN. */
    public double gcTimeMillis() {
        return result.secondaryScore(BenchmarkResult.GC_TIME);
    }
}
