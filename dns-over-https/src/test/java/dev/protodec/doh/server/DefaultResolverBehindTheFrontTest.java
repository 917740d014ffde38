package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/** The real resolver (embedded zone on loopback) behind the front: miss then hit, GET and POST, JSON, each decoder. */
@Timeout(60)
class DefaultResolverBehindTheFrontTest {

  @ParameterizedTest
  @EnumSource(DecoderMode.class)
  void missThenHitOverH2AndHttp1WithTheClientsIdAndJson(DecoderMode mode) throws Exception {
    PrometheusRegistry registry = new PrometheusRegistry();
    try (DefaultResolver resolver =
            new DefaultResolver(ResolverConfig.builder().decoder(mode).registry(registry).build());
        DohServer server =
            new DohServer(
                    DohServerConfig.builder()
                        .listen(new InetSocketAddress("127.0.0.1", 0))
                        .ioThreads(1)
                        .registry(registry)
                        .build(),
                    resolver)
                .start()) {
      for (HttpClient.Version version : new HttpClient.Version[] {HttpClient.Version.HTTP_2, HttpClient.Version.HTTP_1_1}) {
        HttpClient client = TestClients.client(version);
        HttpResponse<byte[]> get = TestClients.send(client, TestClients.get(server, TestClients.exampleQuery(0x4242)));
        HttpResponse<byte[]> post = TestClients.send(client, TestClients.post(server, TestClients.exampleQuery(0x0101)));
        for (HttpResponse<byte[]> response : java.util.List.of(get, post)) {
          assertEquals(200, response.statusCode());
          assertEquals(version, response.version());
          int maxAge = Integer.parseInt(response.headers().firstValue("cache-control").orElseThrow().substring("max-age=".length()));
          assertTrue(maxAge > 0 && maxAge <= 300, "max-age " + maxAge);
          Message answer = new Message(response.body());
          assertEquals("192.0.2.1", answer.getSection(Section.ANSWER).get(0).rdataToString());
        }
        assertEquals(0x4242, new Message(get.body()).getHeader().getID());
        assertEquals(0x0101, new Message(post.body()).getHeader().getID());
        HttpResponse<byte[]> json =
            TestClients.send(
                client,
                HttpRequest.newBuilder(TestClients.uri(server, "/resolve?name=www.example.test&type=A"))
                    .timeout(TestClients.TIMEOUT)
                    .build());
        String body = new String(json.body(), StandardCharsets.UTF_8);
        assertEquals(200, json.statusCode());
        assertTrue(body.contains("\"data\":\"192.0.2.10\"") && body.contains("\"data\":\"192.0.2.11\""), body);
      }
    }
  }
}
