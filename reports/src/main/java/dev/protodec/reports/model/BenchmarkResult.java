package dev.protodec.reports.model;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a JMH JSON result file.
 *
 * @param benchmark full benchmark name, {@code package.Class.method}
 * @param mode      JMH mode
 * @param params    {@code @Param} values in JMH's order (empty if none)
 * @param primary   the primary metric
 * @param secondary secondary metrics by label, such as {@code gc.alloc.rate.norm}
 * @param run       how it was run
 * @param source    the file it was read from
 * @param runLabel  tells apart the same benchmark read from several files; empty if unique
 */
public record BenchmarkResult(
        String benchmark,
        BenchmarkMode mode,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        RunInfo run,
        Path source,
        String runLabel) {

    /** Secondary metric written by JMH's {@code -prof gc}: bytes allocated per operation. */
    public static final String ALLOC_NORM = "gc.alloc.rate.norm";
    /** Secondary metric written by {@code -prof gc}: collections during measurement, summed. */
    public static final String GC_COUNT = "gc.count";
    /** Secondary metric written by {@code -prof gc}: milliseconds spent in GC, summed. */
    public static final String GC_TIME = "gc.time";

    public BenchmarkResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        secondary = Collections.unmodifiableMap(new LinkedHashMap<>(secondary));
    }

    public BenchmarkResult withRunLabel(String label) {
        return new BenchmarkResult(benchmark, mode, params, primary, secondary, run, source, label);
    }

    public BenchmarkKey key() {
        return new BenchmarkKey(benchmark, mode, params, runLabel);
    }

    /** {@code dev.protodec.jmh.codec.DnsDecodeBenchmark} for {@code ...DnsDecodeBenchmark.deep_protodec}. */
    public String className() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? "" : benchmark.substring(0, dot);
    }

    /** {@code DnsDecodeBenchmark}. */
    public String simpleClassName() {
        String className = className();
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** {@code deep_protodec}. */
    public String methodName() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    public Optional<Metric> secondary(String label) {
        return Optional.ofNullable(secondary.get(label));
    }

    /** A secondary metric's score, or NaN if JMH did not write it. */
    public double secondaryScore(String label) {
        return secondary(label).map(Metric::score).orElse(Double.NaN);
    }
}
