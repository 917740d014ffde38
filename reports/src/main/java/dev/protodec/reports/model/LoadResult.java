package dev.protodec.reports.model;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code bin/load} measured ({@code target/load/load-result.json}, written by {@code doh-load}):
 * the DoH server over loopback sockets, per decoder and peer.
 *
 * @param source the file read
 * @param mode {@code quick} or {@code full}
 * @param pinning how the server and the load were placed on CPUs
 * @param workload one line on the queries and the zone
 * @param runs every measured run
 * @param breakdown where the time goes per request, from JFR (may be empty)
 * @param breakdownNote how the breakdown was made, or empty
 * @param notes what was skipped or failed
 */
public record LoadResult(Path source, String mode, String pinning, String workload, List<Run> runs,
        List<Share> breakdown, String breakdownNote, List<String> notes) {

    public LoadResult {
        runs = List.copyOf(runs);
        breakdown = List.copyOf(breakdown);
        notes = List.copyOf(notes);
    }

    /**
     * One run of one server in one scenario.
     *
     * @param scenario {@code closed-get}, {@code closed-post}, {@code open-50}, ...
     * @param kind {@code closed} or {@code open}
     * @param server {@code generated}, {@code reflective}, {@code wire} or {@code dnsdist}
     * @param targetRate the open loop's asked rate (NaN in closed loop)
     * @param bytesPerRequest server heap bytes allocated per answered request (NaN if unknown)
     * @param gcPauses GC pauses in the window (-1 if unknown)
     * @param percentiles the latency distribution, {percentile, microseconds} pairs (open loop)
     */
    public record Run(String scenario, String kind, String method, String server, int repeat, double reqPerSec,
            double targetRate, long requests, long errors, double p50Micros, double p99Micros, double p999Micros,
            double bytesPerRequest, int gcPauses, double gcTotalMillis, double gcMaxMillis, long checked,
            long checkPassed, List<double[]> percentiles) {

        public Run {
            percentiles = List.copyOf(percentiles);
        }
    }

    /** One category of the JFR breakdown. */
    public record Share(String category, long samples, double share, double microsPerRequest) {
    }
}
