package dev.protodec.reports;

import dev.protodec.reports.analysis.GroupingOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line, parsed and checked.
 *
 * @param results          JMH JSON result files (at least one)
 * @param gcLogs           unified GC logs (may be empty)
 * @param baselines        earlier JMH JSON results to compare with (may be empty)
 * @param thresholdPercent regression threshold in percent
 * @param out              output directory
 * @param title            report title
 * @param grouping         reference and variant rules
 * @param load             the DoH load run's {@code load-result.json} ({@code bin/load}), if any
 */
public record ReportOptions(
        List<Path> results,
        List<Path> gcLogs,
        List<Path> baselines,
        double thresholdPercent,
        Path out,
        String title,
        GroupingOptions grouping,
        Optional<Path> load) {

    public static final double DEFAULT_THRESHOLD = 15.0;
    public static final String DEFAULT_TITLE = "protodec benchmark report";

    public static final String USAGE = """
            Usage: java -jar protodec-reports.jar --results <jmh.json>... --out <dir> [options]

              --results <file>...        JMH JSON results (-rf json); repeatable, or several files
              --out <dir>                where report.md, report.html and charts/ are written
              --gc-log <file>...         unified GC log (-Xlog:gc:file=...); optional, repeatable
              --baseline <file>...       earlier JMH JSON results to compare with; optional
              --load <file>              bin/load's load-result.json: adds the pipeline-over-sockets
                                         section; optional
              --threshold <percent>      regression threshold, default 15
              --title <text>             report title, default "protodec benchmark report"
              --reference <text>|none    the contender whose name contains <text> (ignoring case) is
                                         its group's reference for the ratio column; default dynamic
              --variant-separator <s>|none
                                         if every method of a class contains <s>, the part before it
                                         names a variant group (deep_protodec -> deep); default _
              -h, --help                 this text

            Exit status: 0 report written; 1 could not write it; 2 bad usage or unreadable input;
            3 report written and a benchmark regressed against the baseline.
            """;

    public ReportOptions {
        results = List.copyOf(results);
        gcLogs = List.copyOf(gcLogs);
        baselines = List.copyOf(baselines);
    }

    /** True if the arguments ask for help. */
    public static boolean wantsHelp(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    /** Parses {@code --name value} and {@code --name=value}; list options take every value up to the next option. */
    public static ReportOptions parse(String... args) throws UsageException {
        List<Path> results = new ArrayList<>();
        List<Path> gcLogs = new ArrayList<>();
        List<Path> baselines = new ArrayList<>();
        double threshold = DEFAULT_THRESHOLD;
        Path out = null;
        String title = DEFAULT_TITLE;
        String reference = GroupingOptions.DEFAULT_REFERENCE;
        String separator = GroupingOptions.DEFAULT_VARIANT_SEPARATOR;
        Path load = null;

        int i = 0;
        while (i < args.length) {
            String arg = args[i++];
            String inline = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inline = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            List<String> values = new ArrayList<>();
            if (inline != null) {
                values.add(inline);
            }
            boolean list = arg.equals("--results") || arg.equals("--gc-log") || arg.equals("--baseline");
            while (i < args.length && !args[i].startsWith("--") && (list || values.isEmpty())) {
                values.add(args[i++]);
            }
            switch (arg) {
                case "--results" -> results.addAll(paths(arg, values));
                case "--gc-log" -> gcLogs.addAll(paths(arg, values));
                case "--baseline" -> baselines.addAll(paths(arg, values));
                case "--threshold" -> threshold = threshold(single(arg, values));
                case "--out" -> out = Path.of(single(arg, values));
                case "--load" -> load = Path.of(single(arg, values));
                case "--title" -> title = single(arg, values);
                case "--reference" -> reference = noneAsEmpty(single(arg, values));
                case "--variant-separator" -> separator = noneAsEmpty(single(arg, values));
                default -> throw new UsageException(arg.startsWith("-")
                        ? "unknown option " + arg
                        : "unexpected argument " + arg + " (input files follow --results, --gc-log or --baseline)");
            }
        }
        if (results.isEmpty()) {
            throw new UsageException("--results <jmh.json> is required");
        }
        if (out == null) {
            throw new UsageException("--out <dir> is required");
        }
        return new ReportOptions(results, gcLogs, baselines, threshold, out, title,
                new GroupingOptions(reference, separator), Optional.ofNullable(load));
    }

    private static List<Path> paths(String option, List<String> values) throws UsageException {
        if (values.isEmpty()) {
            throw new UsageException(option + " needs at least one file");
        }
        return values.stream().map(Path::of).toList();
    }

    private static String single(String option, List<String> values) throws UsageException {
        if (values.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return values.get(0);
    }

    private static double threshold(String text) throws UsageException {
        double value;
        try {
            value = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
        } catch (NumberFormatException e) {
            throw new UsageException("--threshold must be a number of percent, such as 10: " + text);
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UsageException("--threshold must be zero or more: " + text);
        }
        return value;
    }

    private static String noneAsEmpty(String value) {
        return value.equalsIgnoreCase("none") ? "" : value;
    }
}
