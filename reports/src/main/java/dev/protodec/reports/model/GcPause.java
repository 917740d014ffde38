package dev.protodec.reports.model;

/**
 * One stop-the-world pause from a unified GC log.
 *
 * @param uptimeSeconds JVM uptime at the log line, or NaN if the log has no uptime decoration
 * @param gcId          the {@code GC(n)} number
 * @param kind          the pause kind: {@code Young}, {@code Remark}, {@code Cleanup}, {@code Full}, ...
 * @param description   the whole pause text, such as {@code Pause Young (Normal) (G1 Evacuation Pause)}
 * @param heap          heap before, after and capacity, such as {@code 24M->3M(256M)}; empty if absent
 * @param millis        pause length in milliseconds
 */
public record GcPause(double uptimeSeconds, int gcId, String kind, String description, String heap, double millis) {
}
