package dev.protodec.reports.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.HistogramBin;
import dev.protodec.reports.model.Metric;
import dev.protodec.reports.model.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Reads the JSON that JMH 1.x writes with {@code -rf json}: an array of objects with
 * {@code benchmark}, {@code mode}, {@code params}, {@code primaryMetric} and
 * {@code secondaryMetrics}. JMH writes NaN and infinities as the strings {@code "NaN"},
 * {@code "+INF"} and {@code "-INF"}; sample mode writes {@code rawDataHistogram} instead of
 * {@code rawData}.
 */
public final class JmhJsonReader {

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads one result file; fails on anything that is not a non-empty JMH result array. */
    public List<BenchmarkResult> read(Path file) throws ReportInputException {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw ReportInputException.notJmhResults(file, "a JSON " + root.getNodeType().name().toLowerCase());
        }
        if (root.isEmpty()) {
            throw ReportInputException.noResults(file);
        }
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(readEntry(file, i, root.get(i)));
        }
        return List.copyOf(results);
    }

    private JsonNode parse(Path file) throws ReportInputException {
        if (Files.isDirectory(file)) {
            throw ReportInputException.notAFile(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode root = mapper.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw ReportInputException.notJmhResults(file, "an empty file");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw ReportInputException.malformedJson(file, e);
        } catch (IOException e) {
            throw ReportInputException.unreadable(file, e);
        }
    }

    private BenchmarkResult readEntry(Path file, int index, JsonNode entry) throws ReportInputException {
        if (!entry.isObject()) {
            throw ReportInputException.badEntry(file, index, null, "expected an object, found " + describe(entry));
        }
        String benchmark = text(entry, "benchmark");
        if (benchmark.isEmpty()) {
            throw ReportInputException.badEntry(file, index, null, "no \"benchmark\" name");
        }
        String modeLabel = text(entry, "mode");
        BenchmarkMode mode = BenchmarkMode.fromLabel(modeLabel).orElseThrow(() -> ReportInputException.badEntry(
                file, index, benchmark, "unknown mode \"" + modeLabel + "\" (expected thrpt, avgt, sample or ss)"));
        Metric primary;
        Map<String, Metric> secondary = new LinkedHashMap<>();
        try {
            JsonNode primaryNode = entry.get("primaryMetric");
            if (primaryNode == null || !primaryNode.isObject()) {
                throw new IllegalArgumentException("no \"primaryMetric\" object");
            }
            primary = readMetric("primaryMetric", primaryNode);
            JsonNode secondaries = entry.path("secondaryMetrics");
            for (Map.Entry<String, JsonNode> field : secondaries.properties()) {
                secondary.put(field.getKey(), readMetric("secondaryMetrics." + field.getKey(), field.getValue()));
            }
        } catch (IllegalArgumentException e) {
            throw ReportInputException.badEntry(file, index, benchmark, e.getMessage());
        }
        return new BenchmarkResult(benchmark, mode, params(entry), primary, secondary, runInfo(entry), file, "");
    }

    private static Map<String, String> params(JsonNode entry) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : entry.path("params").properties()) {
            params.put(field.getKey(), field.getValue().asText());
        }
        return params;
    }

    private static RunInfo runInfo(JsonNode entry) {
        List<String> jvmArgs = new ArrayList<>();
        entry.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
        return new RunInfo(
                text(entry, "jmhVersion"),
                text(entry, "jvm"),
                jvmArgs,
                text(entry, "jdkVersion"),
                text(entry, "vmName"),
                text(entry, "vmVersion"),
                entry.path("threads").asInt(1),
                entry.path("forks").asInt(0),
                entry.path("warmupIterations").asInt(0),
                text(entry, "warmupTime"),
                entry.path("measurementIterations").asInt(0),
                text(entry, "measurementTime"));
    }

    private static Metric readMetric(String name, JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(name + ": expected an object, found " + describe(node));
        }
        JsonNode scoreNode = node.get("score");
        if (scoreNode == null) {
            throw new IllegalArgumentException(name + ": no \"score\"");
        }
        double score = number(name + ".score", scoreNode);
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException(name + ".score is NaN");
        }
        String unit = text(node, "scoreUnit");
        if (unit.isEmpty()) {
            throw new IllegalArgumentException(name + ": no \"scoreUnit\"");
        }
        JsonNode confidence = node.path("scoreConfidence");
        return new Metric(
                score,
                optionalNumber(name + ".scoreError", node.get("scoreError")),
                optionalNumber(name + ".scoreConfidence", confidence.get(0)),
                optionalNumber(name + ".scoreConfidence", confidence.get(1)),
                unit,
                percentiles(name, node.path("scorePercentiles")),
                rawData(name, node.path("rawData")),
                rawHistogram(name, node.path("rawDataHistogram")));
    }

    private static NavigableMap<Double, Double> percentiles(String name, JsonNode node) {
        NavigableMap<Double, Double> percentiles = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            double p;
            try {
                p = Double.parseDouble(field.getKey());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ".scorePercentiles: \"" + field.getKey()
                        + "\" is not a percentile");
            }
            percentiles.put(p, number(name + ".scorePercentiles." + field.getKey(), field.getValue()));
        }
        return percentiles;
    }

    private static List<List<Double>> rawData(String name, JsonNode node) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : node) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode value : fork) {
                iterations.add(number(name + ".rawData", value));
            }
            forks.add(iterations);
        }
        return forks;
    }

    private static List<List<List<HistogramBin>>> rawHistogram(String name, JsonNode node) {
        List<List<List<HistogramBin>>> forks = new ArrayList<>();
        for (JsonNode fork : node) {
            List<List<HistogramBin>> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                List<HistogramBin> bins = new ArrayList<>();
                for (JsonNode bin : iteration) {
                    if (!bin.isArray() || bin.size() != 2) {
                        throw new IllegalArgumentException(name + ".rawDataHistogram: expected [value, count] pairs");
                    }
                    bins.add(new HistogramBin(number(name + ".rawDataHistogram", bin.get(0)), bin.get(1).asLong()));
                }
                iterations.add(bins);
            }
            forks.add(iterations);
        }
        return forks;
    }

    private static double optionalNumber(String name, JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : number(name, node);
    }

    /** A JSON number, or one of the strings JMH writes for special values. */
    private static double number(String name, JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "+INF":
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-INF":
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(name + ": expected a number, found " + describe(node));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return node.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
    }
}
