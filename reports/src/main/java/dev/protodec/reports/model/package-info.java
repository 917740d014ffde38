/**
 * Immutable values read from JMH JSON results and unified GC logs: what was measured, nothing
 * derived for presentation. Grouping, ratios and verdicts live in {@code analysis}.
 */
package dev.protodec.reports.model;
