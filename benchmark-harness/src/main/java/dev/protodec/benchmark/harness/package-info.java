/**
 * The run-time side of {@code mvn protodec:benchmark}. The plugin writes a child Maven project whose
 * generated benchmark classes (one per message type) call into this package: {@link FieldSink} and its
 * walks, {@link Corpus} (read from a file or a folder, or made by {@link MessageFiller}), {@link
 * CrossCheck}, and {@link BenchmarkMain}, which checks, times with JMH, and writes the report and the
 * summary.
 */
package dev.protodec.benchmark.harness;
