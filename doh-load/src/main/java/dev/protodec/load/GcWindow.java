package dev.protodec.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GC pauses of the server in a wall-clock window, from its unified GC log written with the {@code time}
 * decoration ({@code -Xlog:gc:file=F:time,uptime,level,tags}): count, total and longest.
 */
record GcWindow(int count, double totalMillis, double maxMillis) {
  static final String LOG_DECORATIONS = "time,uptime,level,tags";
  private static final Pattern PAUSE =
      Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms\\s*$");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  static String jvmFlag(Path log) {
    return "-Xlog:gc:file=" + log + ":" + LOG_DECORATIONS;
  }

  /** Pauses that ended inside {@code [from, to]}; an absent log gives zero pauses. */
  static GcWindow read(Path log, Instant from, Instant to) throws IOException {
    if (!Files.exists(log)) {
      return new GcWindow(0, 0, 0);
    }
    int count = 0;
    double total = 0;
    double max = 0;
    for (String line : Files.readAllLines(log)) {
      Matcher m = PAUSE.matcher(line);
      if (!m.find()) {
        continue;
      }
      Instant at;
      try {
        at = OffsetDateTime.parse(m.group(1), TIME).toInstant();
      } catch (RuntimeException e) {
        continue;
      }
      if (at.isBefore(from) || at.isAfter(to)) {
        continue;
      }
      double ms = Double.parseDouble(m.group(2));
      count++;
      total += ms;
      max = Math.max(max, ms);
    }
    return new GcWindow(count, total, max);
  }
}
