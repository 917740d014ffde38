package dev.protodec.reports.analysis;

import java.util.List;

/**
 * Where and how the benchmarks ran. The machine facts (CPU, cores, memory, OS) describe the machine
 * that wrote the report; the JDK, JVM arguments and JMH settings come from the results.
 */
public record Environment(
        String cpuModel,
        String cores,
        String memory,
        String os,
        List<String> jdks,
        List<String> jvmArgs,
        List<String> jmhVersions,
        List<String> runSettings,
        String gitCommit,
        String date) {

    public Environment {
        jdks = List.copyOf(jdks);
        jvmArgs = List.copyOf(jvmArgs);
        jmhVersions = List.copyOf(jmhVersions);
        runSettings = List.copyOf(runSettings);
    }
}
