/**
 * The {@code protodec-reports} command: {@link dev.protodec.reports.ReportMain} reads JMH JSON
 * results, optional GC logs and an optional baseline, and writes {@code report.md} and a
 * self-contained {@code report.html}.
 */
package dev.protodec.reports;
