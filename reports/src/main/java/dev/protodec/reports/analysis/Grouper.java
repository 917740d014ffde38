package dev.protodec.reports.analysis;

import dev.protodec.reports.model.BenchmarkMode;
import dev.protodec.reports.model.BenchmarkResult;
import dev.protodec.reports.model.ScoreUnits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sorts benchmark results into {@link BenchmarkGroup}s, picks each group's reference and computes
 * the ratios. Groups keep the order in which their first result appears in the input.
 */
public final class Grouper {

    private final GroupingOptions options;

    public Grouper(GroupingOptions options) {
        this.options = options;
    }

    public List<BenchmarkGroup> group(List<BenchmarkResult> results) {
        Map<ClassBucket, List<BenchmarkResult>> buckets = new LinkedHashMap<>();
        for (BenchmarkResult r : results) {
            buckets.computeIfAbsent(ClassBucket.of(r), k -> new ArrayList<>()).add(r);
        }
        List<BenchmarkGroup> groups = new ArrayList<>();
        for (Map.Entry<ClassBucket, List<BenchmarkResult>> bucket : buckets.entrySet()) {
            boolean split = splitsVariants(bucket.getValue());
            Map<String, List<BenchmarkResult>> byVariant = new LinkedHashMap<>();
            for (BenchmarkResult r : bucket.getValue()) {
                byVariant.computeIfAbsent(split ? variantOf(r) : "", k -> new ArrayList<>()).add(r);
            }
            byVariant.forEach((variant, members) ->
                    groups.add(build(bucket.getKey(), variant, split, members)));
        }
        return List.copyOf(groups);
    }

    /** Split method names only if every method of the bucket has the separator inside its name. */
    private boolean splitsVariants(List<BenchmarkResult> members) {
        if (!options.splitsMethods()) {
            return false;
        }
        String sep = options.variantSeparator();
        return members.stream().map(BenchmarkResult::methodName).allMatch(name -> {
            int at = name.indexOf(sep);
            return at > 0 && at + sep.length() < name.length();
        });
    }

    private String variantOf(BenchmarkResult r) {
        String name = r.methodName();
        return name.substring(0, name.indexOf(options.variantSeparator()));
    }

    private String contenderName(BenchmarkResult r, boolean split) {
        String name = r.methodName();
        return split ? name.substring(name.indexOf(options.variantSeparator()) + options.variantSeparator().length())
                : name;
    }

    private BenchmarkGroup build(ClassBucket bucket, String variant, boolean split, List<BenchmarkResult> members) {
        BenchmarkMode mode = bucket.mode();
        String unit = mode == BenchmarkMode.THROUGHPUT ? ScoreUnits.OPS_PER_SECOND : members.get(0).primary().unit();

        List<Contender> unrated = new ArrayList<>();
        for (BenchmarkResult r : members) {
            String from = r.primary().unit();
            unrated.add(new Contender(contenderName(r, split), r,
                    ScoreUnits.convert(r.primary().score(), from, unit),
                    ScoreUnits.convert(r.primary().error(), from, unit),
                    Double.NaN));
        }
        Optional<Contender> reference = pickReference(unrated);

        List<Contender> contenders = new ArrayList<>();
        for (Contender c : unrated) {
            double ratio = reference.map(ref -> ratio(mode, c.score(), ref.score())).orElse(Double.NaN);
            contenders.add(new Contender(c.name(), c.result(), c.score(), c.error(), ratio));
        }
        Comparator<Contender> bestFirst = Comparator.comparingDouble(Contender::score);
        if (mode.higherIsBetter()) {
            bestFirst = bestFirst.reversed();
        }
        String referenceName = reference.map(Contender::name).orElse(null);
        contenders.sort(Comparator.comparing((Contender c) -> !c.name().equals(referenceName)).thenComparing(bestFirst));
        Optional<Contender> rated = contenders.stream().filter(c -> c.name().equals(referenceName)).findFirst();
        return new BenchmarkGroup(bucket.simpleClassName(), variant, bucket.params(), mode, bucket.runLabel(), unit,
                contenders, rated);
    }

    /**
     * The contender matching the reference rule. If several match, the one whose name equals the
     * rule's text wins, else the shortest name, else the first in input order.
     */
    private Optional<Contender> pickReference(List<Contender> contenders) {
        return contenders.stream()
                .filter(c -> options.isReference(c.name()))
                .min(Comparator.comparing((Contender c) -> !c.name().toLowerCase(Locale.ROOT).equals(options.reference()))
                        .thenComparingInt(c -> c.name().length()));
    }

    /**
     * How many times better than the reference: score / reference for throughput, reference / score
     * for time per operation, so that a ratio above 1 always means faster.
     */
    static double ratio(BenchmarkMode mode, double score, double referenceScore) {
        return mode.higherIsBetter() ? score / referenceScore : referenceScore / score;
    }

    /** Results of one benchmark class run in one mode with one parameter set. */
    private record ClassBucket(String className, String simpleClassName, BenchmarkMode mode,
                               Map<String, String> params, String runLabel) {
        static ClassBucket of(BenchmarkResult r) {
            return new ClassBucket(r.className(), r.simpleClassName(), r.mode(), r.params(), r.runLabel());
        }
    }
}
