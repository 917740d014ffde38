package dev.protodec.doh.server;

import static dev.protodec.doh.server.TestClients.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** RFC 8484 over TLS, h2 and HTTP/1.1 by ALPN on one port: answers and every error status. */
@Timeout(60)
class RfcEightFourEightFourOverTlsTest {

  private static FixedAnswerTestResolver resolver;
  private static DohServer server;

  @BeforeAll
  static void start() throws Exception {
    resolver = new FixedAnswerTestResolver();
    server =
        new DohServer(
                DohServerConfig.builder()
                    .listen(new InetSocketAddress("127.0.0.1", 0))
                    .tls(TlsSettings.selfSigned())
                    .ioThreads(2)
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

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void getAnswersWithTheClientsIdAndCacheControl(HttpClient.Version version) throws Exception {
    HttpResponse<byte[]> response = TestClients.send(TestClients.client(version), TestClients.get(server, TestClients.exampleQuery(0x1234)));
    assertAnswer(version, response, 0x1234);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void postAnswersWithTheClientsIdAndCacheControl(HttpClient.Version version) throws Exception {
    HttpResponse<byte[]> response = TestClients.send(TestClients.client(version), TestClients.post(server, TestClients.exampleQuery(0xBEEF)));
    assertAnswer(version, response, 0xBEEF);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void idZeroIsKeptToo(HttpClient.Version version) throws Exception {
    HttpResponse<byte[]> response = TestClients.send(TestClients.client(version), TestClients.get(server, TestClients.exampleQuery(0)));
    assertAnswer(version, response, 0);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void missingDnsParameterIs400(HttpClient.Version version) throws Exception {
    assertStatus(version, request("/dns-query?name=x").GET().build(), 400);
    assertStatus(version, request("/dns-query").GET().build(), 400);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void badBase64Is400(HttpClient.Version version) throws Exception {
    assertStatus(version, request("/dns-query?dns=AAA*AAA").GET().build(), 400);
    assertStatus(version, request("/dns-query?dns=A").GET().build(), 400);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void malformedDnsIs400(HttpClient.Version version) throws Exception {
    assertStatus(version, request("/dns-query?dns=" + TestClients.base64Url(new byte[] {1, 2, 3})).GET().build(), 400);
    assertStatus(version, TestClients.post(server, new byte[] {1, 2, 3, 4, 5}), 400);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void otherMethodsAre405WithAllow(HttpClient.Version version) throws Exception {
    HttpResponse<byte[]> response =
        TestClients.send(TestClients.client(version), request("/dns-query").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[12])).build());
    assertEquals(405, response.statusCode());
    assertEquals("GET, POST", response.headers().firstValue("allow").orElse(""));
    assertStatus(version, request("/dns-query").DELETE().build(), 405);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void unknownPathIs404AndMetricsAreNotOnThisPort(HttpClient.Version version) throws Exception {
    assertStatus(version, request("/nothing-here").GET().build(), 404);
    assertStatus(version, request("/metrics").GET().build(), 404);
    assertStatus(version, request("/dns-query-not").GET().build(), 404);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void bodyOver65535BytesIs413(HttpClient.Version version) throws Exception {
    HttpRequest big =
        request("/dns-query")
            .header("content-type", "application/dns-message")
            .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70_000]))
            .build();
    assertStatus(version, big, 413);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void wrongContentTypeIs415(HttpClient.Version version) throws Exception {
    HttpRequest wrong =
        request("/dns-query")
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(TestClients.exampleQuery(1)))
            .build();
    assertStatus(version, wrong, 415);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void headerListOverTheLimitIs431(HttpClient.Version version) throws Exception {
    HttpRequest fat =
        HttpRequest.newBuilder(TestClients.uri(server, "/dns-query?dns=" + TestClients.base64Url(TestClients.exampleQuery(1))))
            .timeout(TIMEOUT)
            .header("x-padding", "p".repeat(9000))
            .GET()
            .build();
    assertStatus(version, fat, 431);
  }

  @ParameterizedTest
  @EnumSource(names = {"HTTP_2", "HTTP_1_1"})
  void otherNamesAreAnsweredNxdomain(HttpClient.Version version) throws Exception {
    HttpResponse<byte[]> response =
        TestClients.send(TestClients.client(version), TestClients.get(server, TestClients.query("nope.test.", 1, 7)));
    assertEquals(200, response.statusCode());
    assertEquals(Rcode.NXDOMAIN, new Message(response.body()).getRcode());
  }

  private static HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(TestClients.uri(server, pathAndQuery)).timeout(TIMEOUT);
  }

  private static void assertStatus(HttpClient.Version version, HttpRequest request, int status) throws Exception {
    HttpResponse<byte[]> response = TestClients.send(TestClients.client(version), request);
    assertEquals(status, response.statusCode(), () -> request + " over " + version);
    assertEquals(version, response.version());
  }

  static void assertAnswer(HttpClient.Version version, HttpResponse<byte[]> response, int id) throws Exception {
    assertEquals(200, response.statusCode());
    assertEquals(version, response.version());
    assertEquals("application/dns-message", response.headers().firstValue("content-type").orElse(""));
    assertEquals("max-age=" + FixedAnswerTestResolver.TTL, response.headers().firstValue("cache-control").orElse(""));
    assertEquals(response.body().length, response.headers().firstValueAsLong("content-length").orElse(-1));
    Message answer = new Message(response.body());
    assertEquals(id, answer.getHeader().getID());
    assertEquals(FixedAnswerTestResolver.ADDRESS, answer.getSection(Section.ANSWER).get(0).rdataToString());
    assertTrue(answer.getSection(Section.ANSWER).get(0).getTTL() > 0);
    assertArrayEquals(new byte[0], new byte[0]);
  }
}
