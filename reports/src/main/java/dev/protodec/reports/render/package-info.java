/**
 * Presentation: {@link dev.protodec.reports.render.ReportLayout} turns the analysis into a list of
 * {@link dev.protodec.reports.render.Block}s once; {@link dev.protodec.reports.render.MarkdownWriter}
 * and {@link dev.protodec.reports.render.HtmlWriter} only emit them, and
 * {@link dev.protodec.reports.render.Charts} draws the PNG charts with JFreeChart.
 */
package dev.protodec.reports.render;
