/**
 * Readers for JMH's JSON results ({@code -rf json}) and for unified JVM GC logs
 * ({@code -Xlog:gc:file=...}). Every problem with an input is a {@link
 * dev.protodec.reports.read.ReportInputException} that names the file and says what is wrong.
 */
package dev.protodec.reports.read;
