package dev.protodec.doh.server;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The front's counters: HTTP responses by version and status, queries by version and format. Every
 * label combination is resolved once here, so counting on the request path is one array read and an
 * add.
 */
final class FrontMetrics {

  /** The statuses the front sends; anything else is counted as {@code other}. */
  private static final int[] STATUSES = {200, 400, 404, 405, 413, 414, 415, 431, 500, 503};

  /** How a query was asked. */
  enum Format {
    WIRE("wire"),
    JSON("json");

    final String label;

    Format(String label) {
      this.label = label;
    }
  }

  private final CounterDataPoint[][] responses;
  private final CounterDataPoint[][] queries;
  private final Counter abuse;

  FrontMetrics(PrometheusRegistry registry) {
    Counter responseCounter =
        Counter.builder()
            .name("doh_http_responses")
            .help("HTTP responses sent by the DoH front, by HTTP version and status")
            .labelNames("http_version", "status")
            .register(registry);
    Counter queryCounter =
        Counter.builder()
            .name("doh_http_queries")
            .help("DNS queries received by the DoH front, by HTTP version and format (wire or json)")
            .labelNames("http_version", "format")
            .register(registry);
    abuse =
        Counter.builder()
            .name("doh_http_abuse")
            .help("Connections closed and streams reset by the front's own HTTP/2 limits, by reason"
                + " (control_frames, stream_errors, oversized_headers, stalled_window, body_timeout)")
            .labelNames("reason")
            .register(registry);
    HttpProtocol[] versions = HttpProtocol.values();
    responses = new CounterDataPoint[versions.length][STATUSES.length + 1];
    queries = new CounterDataPoint[versions.length][Format.values().length];
    for (HttpProtocol v : versions) {
      for (int i = 0; i < STATUSES.length; i++) {
        responses[v.ordinal()][i] = responseCounter.labelValues(v.label(), Integer.toString(STATUSES[i]));
      }
      responses[v.ordinal()][STATUSES.length] = responseCounter.labelValues(v.label(), "other");
      for (Format f : Format.values()) {
        queries[v.ordinal()][f.ordinal()] = queryCounter.labelValues(v.label(), f.label);
      }
    }
  }

  void response(HttpProtocol version, HttpResponseStatus status) {
    responses[version.ordinal()][statusIndex(status.code())].inc();
  }

  void query(HttpProtocol version, Format format) {
    queries[version.ordinal()][format.ordinal()].inc();
  }

  /** One of the front's own limits acted (rare: resolved on the spot). */
  void abusiveConnection(String reason) {
    abuse.labelValues(reason).inc();
  }

  private static int statusIndex(int code) {
    for (int i = 0; i < STATUSES.length; i++) {
      if (STATUSES[i] == code) {
        return i;
      }
    }
    return STATUSES.length;
  }
}
