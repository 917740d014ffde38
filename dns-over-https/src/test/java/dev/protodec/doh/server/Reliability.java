package dev.protodec.doh.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reliability figures the tests measure, written as they go to {@code target/reliability/}: one JSON
 * and one Markdown fragment per section (attacks, faults, restart, soak, fuzzing), and {@code
 * reliability.md} / {@code reliability.json} put together from every section present, so a run of one
 * test class refreshes its section and keeps the others. {@code -Dreliability.dir=...} moves it.
 */
final class Reliability {

  private static final Map<String, Map<String, Map<String, Object>>> SECTIONS = new TreeMap<>();

  private Reliability() {}

  static Path dir() {
    return Paths.get(System.getProperty("reliability.dir", "target/reliability"));
  }

  /** One row of a section: a named check and its figures (values: numbers, strings, booleans). */
  static synchronized void record(String section, String name, Map<String, Object> figures) {
    SECTIONS.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(name, new LinkedHashMap<>(figures));
    try {
      Files.createDirectories(dir());
      Map<String, Map<String, Object>> rows = SECTIONS.get(section);
      Files.writeString(dir().resolve(section + ".json"), json(rows), StandardCharsets.UTF_8);
      Files.writeString(dir().resolve(section + ".md.part"), markdown(section, rows), StandardCharsets.UTF_8);
      combine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void combine() throws IOException {
    List<Path> parts = new ArrayList<>();
    List<Path> jsons = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir())) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        if (f.endsWith(".md.part")) {
          parts.add(p);
        } else if (f.endsWith(".json") && !f.equals("reliability.json")) {
          jsons.add(p);
        }
      }
    }
    parts.sort(null);
    jsons.sort(null);
    StringBuilder md = new StringBuilder("# DoH front: reliability figures\n\n");
    md.append("Written by the tests (`mvn -pl dns-over-https verify`; long forms with `-Dreliability.long=true`),"
        + " loopback only, ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs, JDK ")
        .append(System.getProperty("java.version")).append(", last update ").append(Instant.now()).append(".\n");
    md.append("Latencies are counted from each request's due time at a fixed rate (no coordinated omission).\n\n");
    for (Path p : parts) {
      md.append(Files.readString(p, StandardCharsets.UTF_8)).append('\n');
    }
    Files.writeString(dir().resolve("reliability.md"), md.toString(), StandardCharsets.UTF_8);
    StringBuilder js = new StringBuilder("{\n");
    for (int i = 0; i < jsons.size(); i++) {
      String f = jsons.get(i).getFileName().toString();
      js.append("  \"").append(f, 0, f.length() - 5).append("\": ")
          .append(Files.readString(jsons.get(i), StandardCharsets.UTF_8).strip().replace("\n", "\n  "));
      js.append(i + 1 < jsons.size() ? ",\n" : "\n");
    }
    js.append("}\n");
    Files.writeString(dir().resolve("reliability.json"), js.toString(), StandardCharsets.UTF_8);
  }

  private static String json(Map<String, Map<String, Object>> rows) {
    StringBuilder b = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
      b.append("  ").append(quote(row.getKey())).append(": {");
      int j = 0;
      for (Map.Entry<String, Object> f : row.getValue().entrySet()) {
        b.append(j++ == 0 ? "" : ", ").append(quote(f.getKey())).append(": ").append(value(f.getValue()));
      }
      b.append(++i < rows.size() ? "},\n" : "}\n");
    }
    return b.append("}\n").toString();
  }

  private static String value(Object v) {
    if (v instanceof Number || v instanceof Boolean) {
      if (v instanceof Double) {
        return String.format(java.util.Locale.ROOT, "%.2f", (Double) v);
      }
      return String.valueOf(v);
    }
    return quote(String.valueOf(v));
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }

  private static String markdown(String section, Map<String, Map<String, Object>> rows) {
    Set<String> columns = new LinkedHashSet<>();
    rows.values().forEach(r -> columns.addAll(r.keySet()));
    StringBuilder b = new StringBuilder("## ").append(section).append("\n\n| check |");
    columns.forEach(c -> b.append(' ').append(c).append(" |"));
    b.append("\n|---|");
    columns.forEach(c -> b.append("---|"));
    b.append('\n');
    for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
      b.append("| ").append(row.getKey()).append(" |");
      for (String c : columns) {
        Object v = row.getValue().get(c);
        b.append(' ').append(v == null ? "" : v instanceof Double
            ? String.format(java.util.Locale.ROOT, "%.1f", (Double) v) : String.valueOf(v).replace("|", "/")).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** Heap in use after two full collections, in MiB. */
  static double heapAfterGcMiB() {
    for (int i = 0; i < 2; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
  }

  /** Open file descriptors of this JVM ({@code /proc/self/fd}); -1 where there is no procfs. */
  static int openFds() {
    String[] fds = new java.io.File("/proc/self/fd").list();
    return fds == null ? -1 : fds.length;
  }

  static Map<String, Object> figures(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      m.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
    }
    return m;
  }
}
