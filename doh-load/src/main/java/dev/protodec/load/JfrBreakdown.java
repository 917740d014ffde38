package dev.protodec.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's CPU time goes per request: the JFR execution samples of a recording, inside a
 * window, each put in the category of the first frame from the top of its stack (the running method
 * outwards) that belongs to the project or a library with a category; JDK frames in between (collections,
 * {@code System.arraycopy}, ...) are charged to the caller that owns them. A stack with no such frame is
 * {@code other}.
 */
final class JfrBreakdown {
  /** Categories in report order; each with the class-name prefixes that mark it. */
  static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

  static {
    CATEGORIES.put("query parse", List.of("dev.protodec.doh.query.", "dev.protodec.doh.server.Base64Url"));
    CATEGORIES.put("cache lookup", List.of("dev.protodec.doh.cache.", "com.github.benmanes.caffeine."));
    CATEGORIES.put("decode", List.of("dev.protodec.doh.decode.", "dev.protodec.dns.fast.", "dev.protodec.runtime.",
        "com.google.protobuf.", "dev.protodec.reflective."));
    CATEGORIES.put("answer write", List.of("dev.protodec.doh.answer."));
    CATEGORIES.put("resolver (other)", List.of("dev.protodec.doh.resolver.", "dev.protodec.doh.store.",
        "dev.protodec.doh.metrics.", "io.prometheus."));
    CATEGORIES.put("HTTP/2 framing", List.of("io.netty.handler.codec.http2.", "io.netty.handler.codec.http.",
        "dev.protodec.doh.server."));
    CATEGORIES.put("TLS", List.of("io.netty.handler.ssl.", "io.netty.internal.tcnative.", "sun.security.ssl.",
        "com.sun.crypto.", "javax.crypto.", "sun.security."));
    CATEGORIES.put("socket I/O, event loop", List.of("io.netty.channel.", "io.netty.buffer.", "io.netty.util.",
        "sun.nio.ch.", "io.netty.handler.codec."));
  }

  static final String OTHER = "other";

  /** One category's share. */
  record Row(String category, long samples, double share) {}

  private JfrBreakdown() {}

  /** Samples of the server's threads in {@code [from, to]}, by category, in {@link #CATEGORIES} order. */
  static List<Row> read(Path recording, Instant from, Instant to) throws IOException {
    Map<String, Long> counts = new LinkedHashMap<>();
    CATEGORIES.keySet().forEach(c -> counts.put(c, 0L));
    counts.put(OTHER, 0L);
    long all = 0;
    if (Files.exists(recording)) {
      try (RecordingFile file = new RecordingFile(recording)) {
        while (file.hasMoreEvents()) {
          RecordedEvent e = file.readEvent();
          if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
            continue;
          }
          if (e.getStartTime().isBefore(from) || e.getStartTime().isAfter(to)) {
            continue;
          }
          counts.merge(classify(e.getStackTrace()), 1L, Long::sum);
          all++;
        }
      }
    }
    long total = all;
    return counts.entrySet().stream()
        .map(en -> new Row(en.getKey(), en.getValue(), total == 0 ? 0 : (double) en.getValue() / total))
        .toList();
  }

  static String classify(RecordedStackTrace stack) {
    if (stack == null) {
      return OTHER;
    }
    for (RecordedFrame frame : stack.getFrames()) {
      if (frame.getMethod() == null || frame.getMethod().getType() == null) {
        continue;
      }
      String category = category(frame.getMethod().getType().getName());
      if (category != null) {
        return category;
      }
    }
    return OTHER;
  }

  /** The category of a class, or null for a JDK (or unknown) class that its caller is charged with. */
  static String category(String className) {
    for (Map.Entry<String, List<String>> c : CATEGORIES.entrySet()) {
      for (String prefix : c.getValue()) {
        if (className.startsWith(prefix)) {
          return c.getKey();
        }
      }
    }
    return null;
  }

  /** A settings file with execution samples every {@code periodMillis} and nothing else. */
  static Path settings(Path dir, int periodMillis) throws IOException {
    Path jfc = dir.resolve("samples.jfc");
    Files.writeString(jfc, """
        <?xml version="1.0" encoding="UTF-8"?>
        <configuration version="2.0" label="protodec-doh-load" description="execution samples only">
          <event name="jdk.ExecutionSample">
            <setting name="enabled">true</setting>
            <setting name="period">%d ms</setting>
          </event>
        </configuration>
        """.formatted(periodMillis));
    return jfc;
  }
}
