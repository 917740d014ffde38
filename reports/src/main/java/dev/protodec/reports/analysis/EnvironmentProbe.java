package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Collects the {@link Environment}: the machine from {@code /proc} (on Linux) or the JVM, the JDK
 * and settings from the results, the commit from {@code git rev-parse --short HEAD}. Nothing here
 * fails: what cannot be found is {@code unknown}.
 */
public final class EnvironmentProbe {

    private static final String UNKNOWN = "unknown";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final Path proc;
    private final Path workingDirectory;

    /** @param proc where {@code cpuinfo} and {@code meminfo} are ({@code /proc} on Linux) */
    public EnvironmentProbe(Path proc, Path workingDirectory) {
        this.proc = proc;
        this.workingDirectory = workingDirectory;
    }

    public static EnvironmentProbe forThisMachine() {
        return new EnvironmentProbe(Path.of("/proc"), Path.of("").toAbsolutePath());
    }

    public Environment probe(List<BenchmarkResult> results, ZonedDateTime now) {
        return new Environment(
                cpuModel(),
                cores(),
                memory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " (" + System.getProperty("os.arch") + ")",
                distinct(results, RunInfo::jdkDescription),
                distinct(results, r -> r.jvmArgs().isEmpty() ? "(none)" : String.join(" ", r.jvmArgs())),
                distinct(results, r -> r.jmhVersion().isEmpty() ? UNKNOWN : r.jmhVersion()),
                distinct(results, RunInfo::settingsDescription),
                gitCommit(),
                DATE.format(now));
    }

    private static List<String> distinct(List<BenchmarkResult> results, Function<RunInfo, String> what) {
        Set<String> values = new LinkedHashSet<>();
        results.forEach(r -> values.add(what.apply(r.run())));
        return List.copyOf(values);
    }

    private String cpuModel() {
        return procLines("cpuinfo").stream()
                .filter(l -> l.startsWith("model name") || l.startsWith("Hardware") || l.startsWith("Model"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .filter(s -> !s.isEmpty())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
    }

    private String cores() {
        int available = Runtime.getRuntime().availableProcessors();
        long online = procLines("cpuinfo").stream().filter(l -> l.startsWith("processor")).count();
        String text = available + " logical CPU" + (available == 1 ? "" : "s") + " available to the JVM";
        return online > 0 && online != available ? text + " (" + online + " online)" : text;
    }

    private String memory() {
        Optional<Long> kib = procLines("meminfo").stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> l.replaceAll("[^0-9]", ""))
                .filter(s -> !s.isEmpty())
                .map(Long::parseLong)
                .findFirst();
        long bytes = kib.map(k -> k * 1024).orElseGet(EnvironmentProbe::jvmTotalMemory);
        return bytes <= 0 ? UNKNOWN : String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    private static long jvmTotalMemory() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return -1;
    }

    private List<String> procLines(String name) {
        Path file = proc.resolve(name);
        try {
            return Files.isReadable(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** {@code git rev-parse --short HEAD}, or {@code unknown} for any failure. */
    private String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .directory(workingDirectory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out;
            try (InputStream in = git.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{4,40}") ? out : UNKNOWN;
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
