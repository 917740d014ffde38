package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The idle timeout over loopback: a keep-alive HTTP/1.1 connection and an h2c connection, each
 * answered once and then left quiet, are closed once the timeout has passed; the h2 one says GOAWAY
 * (NO_ERROR) first. The header-read timeout is set far off so that only the idle one can act.
 */
@Timeout(30)
class IdleTimeoutTest {

  private static final int IDLE_MILLIS = 500;
  private static final int CLOSED_WITHIN_MILLIS = 3_000;

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
                    .idleTimeout(Duration.ofMillis(IDLE_MILLIS))
                    .headerReadTimeout(Duration.ofSeconds(20))
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
  void idleHttp1KeepAliveConnectionIsClosed() throws Exception {
    try (Socket s = RawHttp1.connect(server.port(), 5_000)) {
      s.getOutputStream().write(RawHttp1.get(1));
      RawHttp1.Response response = RawHttp1.read(s.getInputStream());
      assertEquals(200, response.status);
      long answered = System.nanoTime();
      assertTrue(RawHttp1.closedWithin(s, CLOSED_WITHIN_MILLIS), "an idle keep-alive connection stayed open");
      assertNotBefore(answered);
    }
  }

  @Test
  void idleH2cConnectionGetsGoAwayAndIsClosed() throws Exception {
    try (RawH2Connection h2 = new RawH2Connection(server.port())) {
      RawH2Connection.Frame settings = h2.read(5_000);
      assertEquals(RawH2Connection.SETTINGS, settings.type);
      h2.settingsAck();
      h2.get(1, "/dns-query?dns=" + TestClients.base64Url(TestClients.exampleQuery(2)));
      h2.flush();
      RawH2Connection.Frame headers = h2.readUntil(RawH2Connection.HEADERS, 5_000);
      assertNotNull(headers);
      assertEquals(200, h2.status(headers));
      RawH2Connection.Frame data = h2.readUntil(RawH2Connection.DATA, 5_000);
      assertTrue(data.has(RawH2Connection.END_STREAM));
      long answered = System.nanoTime();
      RawH2Connection.Frame goAway = h2.readUntil(RawH2Connection.GOAWAY, CLOSED_WITHIN_MILLIS);
      assertNotNull(goAway, "closed without GOAWAY");
      assertNotBefore(answered);
      assertEquals(0L, goAway.errorCode(), "GOAWAY NO_ERROR");
      assertTrue(h2.closedWithin(CLOSED_WITHIN_MILLIS), "GOAWAY but the connection stayed open");
    }
  }

  private static void assertNotBefore(long startNanos) {
    long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000L;
    assertTrue(elapsedMillis >= IDLE_MILLIS * 3 / 4, "closed after only " + elapsedMillis + " ms");
  }
}
