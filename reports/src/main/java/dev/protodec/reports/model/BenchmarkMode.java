package dev.protodec.reports.model;

import java.util.Arrays;
import java.util.Optional;

/** JMH's benchmark modes, by the short label JMH writes into its JSON ({@code "mode" : "thrpt"}). */
public enum BenchmarkMode {
    THROUGHPUT("thrpt", "throughput"),
    AVERAGE_TIME("avgt", "average time"),
    SAMPLE_TIME("sample", "sampled time"),
    SINGLE_SHOT("ss", "single-shot time");

    private final String label;
    private final String description;

    BenchmarkMode(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The short label JMH uses: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Throughput scores are better when higher; every time mode is better when lower. */
    public boolean higherIsBetter() {
        return this == THROUGHPUT;
    }

    /** Modes whose score percentiles describe a latency distribution worth showing. */
    public boolean hasLatencyDistribution() {
        return this == SAMPLE_TIME || this == SINGLE_SHOT;
    }

    public static Optional<BenchmarkMode> fromLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }
}
