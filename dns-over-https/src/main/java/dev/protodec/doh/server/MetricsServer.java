package dev.protodec.doh.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in Prometheus text format, on its own address (never the DoH port), served by
 * the JDK's HTTP server on one daemon thread: scrapes are rare and small.
 */
public final class MetricsServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final PrometheusRegistry registry;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  private MetricsServer(HttpServer server, ExecutorService executor, PrometheusRegistry registry) {
    this.server = server;
    this.executor = executor;
    this.registry = registry;
  }

  /** Binds {@code address} and serves {@code registry} at {@code /metrics}. */
  public static MetricsServer start(InetSocketAddress address, PrometheusRegistry registry) throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "doh-metrics");
              t.setDaemon(true);
              return t;
            });
    MetricsServer metrics = new MetricsServer(server, executor, registry);
    server.createContext("/metrics", metrics::serve);
    server.setExecutor(executor);
    server.start();
    return metrics;
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      if (!"/metrics".equals(exchange.getRequestURI().getPath())) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
      writer.write(body, registry.scrape());
      exchange.getResponseHeaders().set("content-type", writer.getContentType());
      boolean head = "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(200, head ? -1 : body.size());
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          body.writeTo(out);
        }
      }
    }
  }
}
