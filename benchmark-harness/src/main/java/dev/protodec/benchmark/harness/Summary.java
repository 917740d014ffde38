package dev.protodec.benchmark.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The one-screen table printed at the end: a row per type and question, a column per contender, each
 * cell messages per second and the ratio to {@code DynamicMessage}.
 */
final class Summary {
  /** Column headings and the method suffixes they show, per question. */
  private static final String[] COLUMNS =
      {"dynamicMessage", "protobufJava", "protodec fresh", "protodec reused", "protodec zero-copy"};
  private static final Map<String, String[]> METHODS = Map.of(
      "deep", new String[] {"dynamicMessage", "protobufJava", "protodecFresh", "protodecReused", "protodecZeroCopy"},
      "light", new String[] {"dynamicMessage", "protobufJava", "protodecFresh", "protodecReused", "protodecZeroCopy"},
      "encode", new String[] {"dynamicMessage", "protobufJava", "protodecToByteArray", "protodecReusedWriter", ""});

  private Summary() {}

  static String table(Collection<RunResult> results) {
    Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
    for (RunResult run : results) {
      String benchmark = run.getParams().getBenchmark();
      String className = benchmark.substring(0, benchmark.lastIndexOf('.'));
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String question = method.substring(0, method.indexOf('_'));
      String row = className.substring(className.lastIndexOf('.') + 1) + " · " + question;
      Result<?> primary = run.getPrimaryResult();
      rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(method.substring(method.indexOf('_') + 1),
          perSecond(primary.getScore(), primary.getScoreUnit()));
    }
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[COLUMNS.length + 1];
    header[0] = "messages/s (× dynamicMessage)";
    System.arraycopy(COLUMNS, 0, header, 1, COLUMNS.length);
    lines.add(header);
    for (Map.Entry<String, Map<String, Double>> row : rows.entrySet()) {
      String question = row.getKey().substring(row.getKey().lastIndexOf(' ') + 1);
      String[] methods = METHODS.get(question);
      String[] line = new String[COLUMNS.length + 1];
      line[0] = row.getKey();
      Double reference = row.getValue().get("dynamicMessage");
      for (int c = 0; c < COLUMNS.length; c++) {
        Double score = methods == null ? null : row.getValue().get(methods[c]);
        line[c + 1] = score == null ? "—"
            : rate(score) + (reference == null || c == 0 ? "" : String.format(Locale.ROOT, " (%.2f×)", score / reference));
      }
      lines.add(line);
    }
    return render(lines);
  }

  private static String render(List<String[]> lines) {
    int[] widths = new int[lines.get(0).length];
    for (String[] line : lines) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      for (int c = 0; c < line.length; c++) {
        String cell = line[c];
        out.append(c == 0 ? String.format("%-" + widths[c] + "s", cell) : String.format("  %" + widths[c] + "s", cell));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static double perSecond(double score, String unit) {
    return switch (unit) {
      case "ops/ms" -> score * 1e3;
      case "ops/us" -> score * 1e6;
      case "ops/ns" -> score * 1e9;
      case "ops/min" -> score / 60;
      default -> score;
    };
  }

  private static String rate(double perSecond) {
    if (perSecond >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", perSecond / 1e6);
    }
    if (perSecond >= 1e3) {
      return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", perSecond);
  }
}
