package dev.protodec.reports.model;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Converts JMH score units ({@code ops/ms}, {@code us/op}, ...) to a base unit, so that scores
 * written with different {@code @OutputTimeUnit}s can be compared: throughput to ops per second,
 * time per operation to seconds per operation.
 */
public final class ScoreUnits {

    /** Throughput in this unit, used to show every throughput score. */
    public static final String OPS_PER_SECOND = "ops/s";

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0);

    private ScoreUnits() {
    }

    /**
     * Factor that turns a score in {@code unit} into ops/s (throughput units) or s/op (time
     * units); empty for a unit this class does not know.
     */
    public static OptionalDouble toBase(String unit) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            return OptionalDouble.empty();
        }
        String numerator = unit.substring(0, slash);
        String denominator = unit.substring(slash + 1);
        if (numerator.equals("ops") && SECONDS.containsKey(denominator)) {
            return OptionalDouble.of(1.0 / SECONDS.get(denominator));
        }
        if (denominator.equals("op") && SECONDS.containsKey(numerator)) {
            return OptionalDouble.of(SECONDS.get(numerator));
        }
        return OptionalDouble.empty();
    }

    public static boolean isThroughput(String unit) {
        return unit.startsWith("ops/");
    }

    /** {@code value} converted from one unit to another, or NaN if they are not of one kind. */
    public static double convert(double value, String from, String to) {
        if (from.equals(to)) {
            return value;
        }
        OptionalDouble fromBase = toBase(from);
        OptionalDouble toBase = toBase(to);
        if (fromBase.isEmpty() || toBase.isEmpty() || isThroughput(from) != isThroughput(to)) {
            return Double.NaN;
        }
        return value * fromBase.getAsDouble() / toBase.getAsDouble();
    }
}
