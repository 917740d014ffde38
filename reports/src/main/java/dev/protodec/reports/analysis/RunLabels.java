package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkKey;
import dev.protodec.reports.model.BenchmarkResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells apart the same benchmark given in several result files, such as one run on JDK 17 and one
 * on JDK 25. A file that shares a benchmark (name, mode and parameters) with another file gets a
 * label on all its results, so that its groups stay whole: {@code JDK <version>} if the files ran
 * on different JDKs, else the file name. Files that share nothing stay unlabelled.
 */
public final class RunLabels {

    private RunLabels() {
    }

    /** The results of all files, in order, with labels where needed. */
    public static List<BenchmarkResult> assign(List<List<BenchmarkResult>> files) {
        Map<BenchmarkKey, Set<Integer>> filesByKey = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            for (BenchmarkResult r : files.get(i)) {
                filesByKey.computeIfAbsent(r.key(), k -> new HashSet<>()).add(i);
            }
        }
        Set<Integer> sharing = new HashSet<>();
        filesByKey.values().stream().filter(s -> s.size() > 1).forEach(sharing::addAll);
        List<String> labels = labels(files);
        List<BenchmarkResult> all = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            for (BenchmarkResult r : files.get(i)) {
                all.add(sharing.contains(i) ? r.withRunLabel(labels.get(i)) : r);
            }
        }
        return List.copyOf(all);
    }

    private static List<String> labels(List<List<BenchmarkResult>> files) {
        List<String> byJdk = new ArrayList<>();
        for (List<BenchmarkResult> file : files) {
            Set<String> jdks = new LinkedHashSet<>();
            file.forEach(r -> jdks.add(r.run().jdkVersion()));
            byJdk.add(jdks.size() == 1 && !jdks.contains("") ? "JDK " + jdks.iterator().next() : "");
        }
        if (!byJdk.contains("") && new HashSet<>(byJdk).size() == byJdk.size()) {
            return byJdk;
        }
        List<String> byFile = new ArrayList<>();
        for (List<BenchmarkResult> file : files) {
            byFile.add(file.isEmpty() ? "" : String.valueOf(file.get(0).source().getFileName()));
        }
        if (new HashSet<>(byFile).size() == byFile.size()) {
            return byFile;
        }
        List<String> byPath = new ArrayList<>();
        for (List<BenchmarkResult> file : files) {
            byPath.add(file.isEmpty() ? "" : String.valueOf(file.get(0).source()));
        }
        return byPath;
    }
}
