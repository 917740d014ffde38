package dev.protodec.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The closed loop: nghttp2's {@code h2load} for a fixed time ({@code -D}) with {@code -c} connections of
 * {@code -m} streams each, one thread, pinned to the client CPU. GET draws its URIs from an {@code -i}
 * file; POST sends one body ({@code -d}) on every request. Its summary gives req/s and the request and
 * status counts; per-request times come from {@code --log-file} into an HdrHistogram, since h2load itself
 * prints only mean and spread.
 */
final class H2Load {
  private static final Pattern FINISHED = Pattern.compile("finished in ([\\d.]+)s, ([\\d.]+) req/s");
  private static final Pattern REQUESTS = Pattern.compile(
      "requests: (\\d+) total, (\\d+) started, (\\d+) done, (\\d+) succeeded, (\\d+) failed, (\\d+) errored, (\\d+) timeout");
  private static final Pattern STATUS = Pattern.compile("status codes: (\\d+) 2xx, (\\d+) 3xx, (\\d+) 4xx, (\\d+) 5xx");

  /** h2load's figures for one run. */
  record Outcome(double seconds, double reqPerSec, long done, long succeeded, long failed, long errored,
      long timeout, long status2xx, long statusOther, Histogram latencyMicros, String command) {
    long errors() {
      return failed + errored + timeout + statusOther;
    }
  }

  private H2Load() {}

  static boolean available() {
    return Pinning.which("h2load") != null;
  }

  /**
   * @param target the first URI (for POST: the endpoint); ignored for GET when {@code uriFile} is given
   * @param body the POST body, or null for GET
   * @param latencies log every request (h2load {@code --log-file}) for the latency histogram; without
   *     it the outcome's histogram is empty (a warm-up needs only the rate)
   */
  static Outcome run(String target, Path uriFile, Path body, int connections, int streams, int seconds,
      int warmUpSeconds, Path dir, String label, boolean latencies) throws IOException {
    Path log = latencies ? dir.resolve("h2load-" + label + ".tsv") : null;
    Path out = dir.resolve("h2load-" + label + ".txt");
    List<String> command = new ArrayList<>(List.of("h2load", "-D", String.valueOf(seconds),
        "--warm-up-time", String.valueOf(warmUpSeconds), "-c", String.valueOf(connections), "-m",
        String.valueOf(streams), "-t", "1"));
    if (log != null) {
      command.addAll(List.of("--log-file", log.toString()));
    }
    if (body != null) {
      command.addAll(List.of("-d", body.toString(), "-H", "content-type: application/dns-message", target));
    } else {
      command.addAll(List.of("-i", uriFile.toString()));
    }
    command.addAll(List.of("-H", "accept: application/dns-message"));
    List<String> pinned = ServerProcess.pinned(Pinning.CLIENT_CPU, command);
    Process p = new ProcessBuilder(pinned).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      if (!p.waitFor(seconds + warmUpSeconds + 60L, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("h2load did not finish: " + String.join(" ", pinned));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    return parse(text, log, String.join(" ", pinned));
  }

  static Outcome parse(String text, Path log, String command) throws IOException {
    Matcher f = FINISHED.matcher(text);
    Matcher r = REQUESTS.matcher(text);
    Matcher s = STATUS.matcher(text);
    if (!f.find() || !r.find() || !s.find()) {
      throw new IOException("h2load's output has no summary (" + command + "):\n" + text);
    }
    Histogram h = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    if (log != null && Files.exists(log)) {
      try (var lines = Files.lines(log)) {
        lines.forEach(line -> {
          String[] cols = line.split("\t");
          if (cols.length >= 3) {
            try {
              h.recordValue(Math.min(Long.parseLong(cols[2].trim()), h.getHighestTrackableValue()));
            } catch (NumberFormatException ignored) {
              // not a request line
            }
          }
        });
      }
    }
    long other = Long.parseLong(s.group(2)) + Long.parseLong(s.group(3)) + Long.parseLong(s.group(4));
    return new Outcome(Double.parseDouble(f.group(1)), Double.parseDouble(f.group(2)), Long.parseLong(r.group(3)),
        Long.parseLong(r.group(4)), Long.parseLong(r.group(5)), Long.parseLong(r.group(6)),
        Long.parseLong(r.group(7)), Long.parseLong(s.group(1)), other, h, command);
  }
}
