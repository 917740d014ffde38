package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.RunInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Benchmarks that answer one question side by side: the methods of one benchmark class with the
 * same mode, the same parameters and (if method names carry one) the same variant prefix.
 *
 * @param simpleClassName benchmark class without package, {@code DnsDecodeBenchmark}
 * @param variant         prefix shared by the method names ({@code deep}), or empty
 * @param params          JMH parameters, such as {@code mode=light}
 * @param mode            JMH mode
 * @param runLabel        tells apart the same benchmarks from several result files, or empty
 * @param unit            unit of every contender's score ({@code ops/s} for throughput)
 * @param contenders      reference first, then best first
 * @param reference       the contender the ratios are relative to, if any matched the rule
 */
public record BenchmarkGroup(
        String simpleClassName,
        String variant,
        Map<String, String> params,
        BenchmarkMode mode,
        String runLabel,
        String unit,
        List<Contender> contenders,
        Optional<Contender> reference) {

    public BenchmarkGroup {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        contenders = List.copyOf(contenders);
    }

    /** {@code DnsDecodeBenchmark · deep [mode=light]}, plus the run label if any. */
    public String label() {
        StringBuilder sb = new StringBuilder(simpleClassName);
        if (!variant.isEmpty()) {
            sb.append(" · ").append(variant);
        }
        if (!params.isEmpty()) {
            sb.append(params.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", " [", "]")));
        }
        if (!runLabel.isEmpty()) {
            sb.append(" — ").append(runLabel);
        }
        return sb.toString();
    }

    /** The label with the JMH mode, which tells apart groups of one class run in two modes. */
    public String title() {
        return label() + " (" + mode.label() + ")";
    }

    /** The best contender (highest throughput or lowest time). */
    public Contender best() {
        Contender best = contenders.get(0);
        for (Contender c : contenders) {
            if (mode.higherIsBetter() ? c.score() > best.score() : c.score() < best.score()) {
                best = c;
            }
        }
        return best;
    }

    /** How the first contender was run; every contender of a group normally shares it. */
    public RunInfo run() {
        return contenders.get(0).result().run();
    }

    /** Whether the contender's ratio rests on a noisy score: its own or the reference's. */
    public boolean ratioNoisy(Contender contender) {
        return Double.isFinite(contender.ratio())
                && (contender.noisy() || reference.map(Contender::noisy).orElse(false));
    }

    /** Whether any score of the group is noisy (and so, with a reference, some ratio too). */
    public boolean anyNoisy() {
        return contenders.stream().anyMatch(Contender::noisy);
    }

    public boolean hasAllocationData() {
        return contenders.stream().anyMatch(c -> !Double.isNaN(c.bytesPerOp()));
    }

}
