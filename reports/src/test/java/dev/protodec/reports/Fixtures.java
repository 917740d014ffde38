package dev.protodec.reports;

import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.Metric;
import dev.protodec.reports.model.RunInfo;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test inputs: the files under src/test/resources and small hand-built results. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A file under src/test/resources, such as {@code jmh/decode-jdk17.json}. */
    public static Path path(String resource) {
        URL url = Fixtures.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A result with just a score, for rules that need nothing else. */
    public static BenchmarkResult result(String benchmark, BenchmarkMode mode, Map<String, String> params,
                                         double score, double error, String unit) {
        return result(benchmark, mode, params, score, error, unit, "17.0.15", Path.of("results.json"));
    }

    /** A result with its measurement iterations in {@code rawData} (one fork); the score is their mean. */
    public static BenchmarkResult iterations(String benchmark, BenchmarkMode mode, String unit, double... iterations) {
        List<Double> raw = java.util.Arrays.stream(iterations).boxed().toList();
        double mean = raw.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Metric primary = new Metric(mean, Double.NaN, Double.NaN, Double.NaN, unit, new TreeMap<>(), List.of(raw), List.of());
        RunInfo run = new RunInfo("1.37", "/usr/bin/java", List.of(), "17.0.15", "OpenJDK 64-Bit Server VM", "17.0.15",
                1, 1, 2, "1 s", iterations.length, "500 ms");
        return new BenchmarkResult(benchmark, mode, Map.of(), primary, Map.of(), run, Path.of("results.json"), "");
    }

    public static BenchmarkResult result(String benchmark, BenchmarkMode mode, Map<String, String> params,
                                         double score, double error, String unit, String jdk, Path source) {
        Metric primary = new Metric(score, error, Double.NaN, Double.NaN, unit, new TreeMap<>(), List.of(), List.of());
        RunInfo run = new RunInfo("1.37", "/usr/bin/java", List.of(), jdk, "OpenJDK 64-Bit Server VM", jdk,
                1, 1, 3, "2 s", 5, "2 s");
        return new BenchmarkResult(benchmark, mode, params, primary, Map.of(), run, source, "");
    }
}
