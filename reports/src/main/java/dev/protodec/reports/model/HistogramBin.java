package dev.protodec.reports.model;

/** One {@code [value, count]} pair of a sample-mode {@code rawDataHistogram}. */
public record HistogramBin(double value, long count) {
}
