package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;

/** The counters on {@code /metrics}, and {@code close()} waiting for a request still being answered. */
@Timeout(60)
class MetricsAndDrainTest {

  @Test
  void metricsEndpointServesTheFrontsCounters() throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver();
        DohServer server = new DohServer(cleartext(registry), resolver).start();
        MetricsServer metrics = MetricsServer.start(new InetSocketAddress("127.0.0.1", 0), registry)) {
      HttpClient client = TestClients.client(HttpClient.Version.HTTP_1_1);
      TestClients.send(client, TestClients.get(server, TestClients.exampleQuery(1)));
      TestClients.send(client, HttpRequest.newBuilder(TestClients.uri(server, "/nowhere")).build());
      HttpResponse<String> scrape =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.address().getPort() + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, scrape.statusCode());
      String text = scrape.body();
      assertTrue(text.contains("doh_http_responses_total{http_version=\"1.1\",status=\"200\"} 1.0"), text);
      assertTrue(text.contains("doh_http_responses_total{http_version=\"1.1\",status=\"404\"} 1.0"), text);
      assertTrue(text.contains("doh_http_queries_total{format=\"wire\",http_version=\"1.1\"} 1.0"), text);
    }
  }

  @Test
  void closeDrainsAnInFlightSlowRequest() throws Exception {
    try (FixedAnswerTestResolver slow = new FixedAnswerTestResolver(700)) {
      DohServer server = new DohServer(cleartext(new PrometheusRegistry()), slow).start();
      HttpClient client = TestClients.client(HttpClient.Version.HTTP_1_1);
      CompletableFuture<HttpResponse<byte[]>> pending =
          client.sendAsync(TestClients.get(server, TestClients.exampleQuery(77)), HttpResponse.BodyHandlers.ofByteArray());
      Thread.sleep(200); // the request is with the resolver now
      server.close();
      HttpResponse<byte[]> response = pending.get(10, TimeUnit.SECONDS);
      assertEquals(200, response.statusCode());
      assertEquals(77, new Message(response.body()).getHeader().getID());
    }
  }

  private static DohServerConfig cleartext(PrometheusRegistry registry) {
    return DohServerConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .tls(TlsSettings.off())
        .ioThreads(1)
        .registry(registry)
        .build();
  }
}
