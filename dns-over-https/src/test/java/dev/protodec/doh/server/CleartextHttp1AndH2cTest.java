package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;

/** {@code --tls off}: HTTP/1.1, h2c by upgrade and h2c by prior knowledge on one port. */
@Timeout(60)
class CleartextHttp1AndH2cTest {

  private static FixedAnswerTestResolver resolver;
  private static DohServer server;

  @BeforeAll
  static void start() throws Exception {
    resolver = new FixedAnswerTestResolver();
    server =
        new DohServer(
                DohServerConfig.builder()
                    .listen(new InetSocketAddress("127.0.0.1", 0))
                    .tls(TlsSettings.off())
                    .ioThreads(1)
                    .registry(new PrometheusRegistry())
                    .build(),
                resolver)
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
    resolver.close();
  }

  @Test
  void http1GetAndPostAreAnswered() throws Exception {
    HttpClient client = TestClients.client(HttpClient.Version.HTTP_1_1);
    RfcEightFourEightFourOverTlsTest.assertAnswer(
        HttpClient.Version.HTTP_1_1, TestClients.send(client, TestClients.get(server, TestClients.exampleQuery(11))), 11);
    RfcEightFourEightFourOverTlsTest.assertAnswer(
        HttpClient.Version.HTTP_1_1, TestClients.send(client, TestClients.post(server, TestClients.exampleQuery(12))), 12);
  }

  @Test
  void h2cUpgradeAnswersGetAndPost() throws Exception {
    HttpClient client = TestClients.client(HttpClient.Version.HTTP_2);
    HttpResponse<byte[]> first = TestClients.send(client, TestClients.get(server, TestClients.exampleQuery(21)));
    RfcEightFourEightFourOverTlsTest.assertAnswer(HttpClient.Version.HTTP_2, first, 21);
    HttpResponse<byte[]> second = TestClients.send(client, TestClients.post(server, TestClients.exampleQuery(22)));
    RfcEightFourEightFourOverTlsTest.assertAnswer(HttpClient.Version.HTTP_2, second, 22);
  }

  @Test
  void h2cPriorKnowledgeAnswersGetAndPostAndErrors() throws Exception {
    try (PriorKnowledgeH2cClient client = new PriorKnowledgeH2cClient(server.port())) {
      PriorKnowledgeH2cClient.Response get =
          client.get("/dns-query?dns=" + TestClients.base64Url(TestClients.exampleQuery(31))).get(10, TimeUnit.SECONDS);
      assertEquals(200, get.status);
      assertEquals(31, new Message(get.body).getHeader().getID());
      PriorKnowledgeH2cClient.Response post =
          client.post("/dns-query", "application/dns-message", TestClients.exampleQuery(32)).get(10, TimeUnit.SECONDS);
      assertEquals(200, post.status);
      assertEquals(32, new Message(post.body).getHeader().getID());
      assertEquals(415, client.post("/dns-query", "text/plain", new byte[12]).get(10, TimeUnit.SECONDS).status);
      assertEquals(404, client.get("/elsewhere").get(10, TimeUnit.SECONDS).status);
    }
  }
}
