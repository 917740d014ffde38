package dev.protodec.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One scrape of the server's /metrics, summed by metric name over labels: enough for the deltas a run
 * needs (allocated bytes, GC collections and seconds, responses by status).
 */
record Scrape(Map<String, Double> sums, Map<String, Double> ok) {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static Scrape of(InetSocketAddress metrics) throws IOException {
    if (metrics == null) {
      return new Scrape(Map.of(), Map.of());
    }
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.getPort()
          + "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
      return parse(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** Prometheus text format: {@code name{labels} value}; sums per name, and per name over code="200" only. */
  static Scrape parse(String text) {
    Map<String, Double> sums = new HashMap<>();
    Map<String, Double> ok = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, line.indexOf(' '));
      double value;
      try {
        value = Double.parseDouble(line.substring(space + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      sums.merge(name, value, Double::sum);
      if (brace >= 0 && line.substring(brace, space).matches(".*(code|status)=\"200\".*")) {
        ok.merge(name, value, Double::sum);
      }
    }
    return new Scrape(sums, ok);
  }

  double get(String name) {
    return sums.getOrDefault(name, Double.NaN);
  }

  /** {@code later - this} for {@code name}, NaN if either lacks it. */
  double delta(Scrape later, String name) {
    return later.get(name) - get(name);
  }
}
