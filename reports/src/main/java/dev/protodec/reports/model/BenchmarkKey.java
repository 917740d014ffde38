package dev.protodec.reports.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What identifies one benchmark across runs: its name, its mode and its parameters, plus a run
 * label that tells apart results of the same benchmark given in several files (empty otherwise).
 */
public record BenchmarkKey(String benchmark, BenchmarkMode mode, Map<String, String> params, String runLabel) {

    public BenchmarkKey {
        params = Map.copyOf(new LinkedHashMap<>(params));
    }

    /** Short form for tables: {@code DnsDecodeBenchmark.light_protodec [mode=light] (thrpt)}. */
    public String display() {
        int lastDot = benchmark.lastIndexOf('.');
        int classDot = lastDot < 0 ? -1 : benchmark.lastIndexOf('.', lastDot - 1);
        StringBuilder sb = new StringBuilder(benchmark.substring(classDot + 1));
        if (!params.isEmpty()) {
            sb.append(params.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", " [", "]")));
        }
        sb.append(" (").append(mode.label()).append(')');
        if (!runLabel.isEmpty()) {
            sb.append(" ").append(runLabel);
        }
        return sb.toString();
    }
}
