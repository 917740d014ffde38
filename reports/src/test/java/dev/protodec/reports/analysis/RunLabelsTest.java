package dev.protodec.reports.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.protodec.reports.Fixtures;
import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLabelsTest {

    @Test
    void sameBenchmarksOnTwoJdksAreLabelledByJdk() {
        List<BenchmarkResult> all = RunLabels.assign(List.of(
                List.of(result("x.B.m", "17.0.15", "a.json"), result("x.B.only17", "17.0.15", "a.json")),
                List.of(result("x.B.m", "25.0.1", "b.json"))));

        assertEquals(List.of("JDK 17.0.15", "JDK 17.0.15", "JDK 25.0.1"),
                all.stream().map(BenchmarkResult::runLabel).toList(), "every result of a file with a shared benchmark");
        assertEquals(2, new Grouper(GroupingOptions.defaults()).group(all).size());
    }

    @Test
    void sameJdkFallsBackToFileName() {
        List<BenchmarkResult> all = RunLabels.assign(List.of(
                List.of(result("x.B.m", "17.0.15", "run1.json")),
                List.of(result("x.B.m", "17.0.15", "run2.json"))));

        assertEquals(List.of("run1.json", "run2.json"), all.stream().map(BenchmarkResult::runLabel).toList());
    }

    @Test
    void distinctBenchmarksStayUnlabelled() {
        List<BenchmarkResult> all = RunLabels.assign(List.of(
                List.of(result("x.B.m", "17.0.15", "a.json")),
                List.of(result("x.B.n", "25.0.1", "b.json"))));

        assertEquals(List.of("", ""), all.stream().map(BenchmarkResult::runLabel).toList());
    }

    private static BenchmarkResult result(String name, String jdk, String file) {
        return Fixtures.result(name, BenchmarkMode.THROUGHPUT, Map.of(), 1, 0.1, "ops/s", jdk, Path.of(file));
    }
}
