/**
 * What the report concludes from the inputs: benchmark groups with a reference contender and
 * ratios to it, the baseline verdicts, GC pause statistics and the environment description. Nothing
 * here formats or draws.
 */
package dev.protodec.reports.analysis;
