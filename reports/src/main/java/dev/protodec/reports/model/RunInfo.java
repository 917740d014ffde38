package dev.protodec.reports.model;

import java.util.List;

/**
 * How one benchmark was run, as JMH recorded it. Fields that an older JMH did not write are empty
 * strings or 0.
 */
public record RunInfo(
        String jmhVersion,
        String jvm,
        List<String> jvmArgs,
        String jdkVersion,
        String vmName,
        String vmVersion,
        int threads,
        int forks,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime) {

    public RunInfo {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** For example {@code "17.0.15, OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1"}. */
    public String jdkDescription() {
        if (jdkVersion.isEmpty() && vmName.isEmpty()) {
            return "unknown";
        }
        return (jdkVersion + ", " + vmName + " " + vmVersion).strip();
    }

    /** For example {@code "1 fork × 5 × 2 s, warm-up 3 × 2 s, 1 thread"}. */
    public String settingsDescription() {
        return forks + (forks == 1 ? " fork" : " forks")
                + " × " + measurementIterations + " × " + measurementTime
                + ", warm-up " + warmupIterations + " × " + warmupTime
                + ", " + threads + (threads == 1 ? " thread" : " threads");
    }
}
