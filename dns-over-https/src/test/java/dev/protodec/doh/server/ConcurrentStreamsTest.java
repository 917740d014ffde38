package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;

/**
 * Many streams at once on one HTTP/2 connection, GET and POST interleaved, answered later from
 * another thread (as misses are): every one answered, each with its own ID.
 */
@Timeout(60)
class ConcurrentStreamsTest {

  private static final int STREAMS = 100;

  @Test
  void interleavedGetAndPostStreamsOnOneConnectionAreAllAnswered() throws Exception {
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver(200);
        DohServer server =
            new DohServer(
                    DohServerConfig.builder()
                        .listen(new InetSocketAddress("127.0.0.1", 0))
                        .tls(TlsSettings.off())
                        .maxConcurrentStreams(STREAMS)
                        .maxConnections(1)
                        .ioThreads(1)
                        .registry(new PrometheusRegistry())
                        .build(),
                    resolver)
                .start();
        PriorKnowledgeH2cClient client = new PriorKnowledgeH2cClient(server.port())) {
      List<CompletableFuture<PriorKnowledgeH2cClient.Response>> responses = new ArrayList<>();
      for (int id = 0; id < STREAMS; id++) {
        byte[] query = TestClients.exampleQuery(id);
        responses.add(
            id % 2 == 0
                ? client.get("/dns-query?dns=" + TestClients.base64Url(query))
                : client.post("/dns-query", "application/dns-message", query));
      }
      for (int id = 0; id < STREAMS; id++) {
        PriorKnowledgeH2cClient.Response response = responses.get(id).get(20, TimeUnit.SECONDS);
        assertEquals(200, response.status);
        assertEquals(id, new Message(response.body).getHeader().getID());
      }
    }
  }
}
