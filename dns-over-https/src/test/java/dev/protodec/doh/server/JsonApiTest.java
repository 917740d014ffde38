package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JSON API ({@code /resolve}, and {@code /dns-query} asked for {@code application/dns-json}) in Google's shape. */
@Timeout(60)
class JsonApiTest {

  private static FixedAnswerTestResolver resolver;
  private static DohServer server;
  private static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    resolver = new FixedAnswerTestResolver();
    server =
        new DohServer(
                DohServerConfig.builder()
                    .listen(new InetSocketAddress("127.0.0.1", 0))
                    .tls(TlsSettings.selfSigned())
                    .ioThreads(1)
                    .registry(new PrometheusRegistry())
                    .build(),
                resolver)
            .start();
    client = TestClients.client(HttpClient.Version.HTTP_2);
  }

  @AfterAll
  static void stop() {
    server.close();
    resolver.close();
  }

  @Test
  void resolveAnswersInGooglesShape() throws Exception {
    HttpResponse<byte[]> response = get("/resolve?name=example.test&type=A", null);
    assertEquals(200, response.statusCode());
    assertEquals("application/dns-json", response.headers().firstValue("content-type").orElse(""));
    assertEquals("max-age=300", response.headers().firstValue("cache-control").orElse(""));
    assertEquals(
        "{\"Status\":0,\"TC\":false,\"RD\":true,\"RA\":true,\"AD\":false,\"CD\":false,"
            + "\"Question\":[{\"name\":\"example.test.\",\"type\":1}],"
            + "\"Answer\":[{\"name\":\"example.test.\",\"type\":1,\"TTL\":300,\"data\":\"192.0.2.1\"}]}",
        body(response));
  }

  @Test
  void typeDefaultsToAAndTakesNumbers() throws Exception {
    assertTrue(body(get("/resolve?name=example.test", null)).contains("\"data\":\"192.0.2.1\""));
    assertTrue(body(get("/resolve?name=example.test&type=1", null)).contains("\"data\":\"192.0.2.1\""));
    assertTrue(body(get("/resolve?name=example.test&type=aaaa", null)).contains("\"type\":28"));
  }

  @Test
  void dnsQueryWithDnsJsonAcceptIsJson() throws Exception {
    HttpResponse<byte[]> response = get("/dns-query?name=nope.test&type=A&cd=1", "application/dns-json");
    assertEquals(200, response.statusCode());
    String json = body(response);
    assertTrue(json.startsWith("{\"Status\":3,"), json);
    assertTrue(json.contains("\"name\":\"nope.test.\""), json);
  }

  @Test
  void badNameOrTypeIs400WithAJsonError() throws Exception {
    HttpResponse<byte[]> noName = get("/resolve?type=A", null);
    assertEquals(400, noName.statusCode());
    assertTrue(body(noName).startsWith("{\"error\":\"missing name"), body(noName));
    HttpResponse<byte[]> badType = get("/resolve?name=example.test&type=NOSUCHTYPE", null);
    assertEquals(400, badType.statusCode());
    assertTrue(body(badType).contains("unknown type"));
    HttpResponse<byte[]> badName = get("/resolve?name=" + "a".repeat(64) + ".test", null);
    assertEquals(400, badName.statusCode());
    assertEquals("application/dns-json", badName.headers().firstValue("content-type").orElse(""));
  }

  private static HttpResponse<byte[]> get(String pathAndQuery, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(TestClients.uri(server, pathAndQuery)).timeout(TestClients.TIMEOUT);
    if (accept != null) {
      request.header("accept", accept);
    }
    return TestClients.send(client, request.GET().build());
  }

  private static String body(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
