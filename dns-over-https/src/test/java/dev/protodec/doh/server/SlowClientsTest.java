package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;

/**
 * The header-read timeout against slow clients (Slowloris), over loopback sockets: a request whose
 * headers stop coming, a later request on a keep-alive connection that trickles in a byte at a time,
 * a TLS connection that completes its handshake and asks nothing, and one that never finishes it. The
 * idle timeout is set far beyond the test so that only the header-read timeout can close them.
 */
@Timeout(30)
class SlowClientsTest {

  private static final int HEADER_READ_MILLIS = 400;
  private static final Duration IDLE = Duration.ofSeconds(20);
  /** Well past the header-read timeout, well before the idle timeout. */
  private static final int CLOSED_WITHIN_MILLIS = 3_000;

  private static FixedAnswerTestResolver resolver;
  private static DohServer cleartext;
  private static DohServer tls;

  @BeforeAll
  static void start() throws Exception {
    resolver = new FixedAnswerTestResolver();
    cleartext = new DohServer(config(TlsSettings.off()), resolver).start();
    tls = new DohServer(config(TlsSettings.selfSigned()), resolver).start();
  }

  private static DohServerConfig config(TlsSettings tlsSettings) {
    return DohServerConfig.builder()
        .listen(new InetSocketAddress("127.0.0.1", 0))
        .tls(tlsSettings)
        .headerReadTimeout(Duration.ofMillis(HEADER_READ_MILLIS))
        .idleTimeout(IDLE)
        .ioThreads(1)
        .registry(new PrometheusRegistry())
        .build();
  }

  @AfterAll
  static void stop() {
    cleartext.close();
    tls.close();
    resolver.close();
  }

  @Test
  void http1RequestWhoseHeadersStopComingIsClosedAfterTheTimeout() throws Exception {
    try (Socket s = RawHttp1.connect(cleartext.port(), 5_000)) {
      s.getOutputStream().write(
          "GET /dns-query?dns=AAABAAABAAAAAAAAB2V4YW1wbGUEdGVzdAAAAQAB HTTP/1.1\r\nHost: local"
              .getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      assertTrue(RawHttp1.closedWithin(s, CLOSED_WITHIN_MILLIS), "a half-sent request kept its connection");
      assertNotBefore(start);
    }
  }

  @Test
  void laterRequestTrickledByteByByteOnAKeepAliveConnectionIsClosed() throws Exception {
    try (Socket s = RawHttp1.connect(cleartext.port(), 5_000)) {
      OutputStream out = s.getOutputStream();
      out.write(RawHttp1.get(1));
      RawHttp1.Response first = RawHttp1.read(s.getInputStream());
      assertEquals(200, first.status);
      assertEquals(1, new Message(first.body).getHeader().getID());
      // The second request's headers, a byte every 50 ms: reads keep the idle timer from firing.
      byte[] second = RawHttp1.get(2);
      long start = System.nanoTime();
      boolean closed = false;
      for (int i = 0; i < second.length - 2 && !closed; i++) {
        try {
          out.write(second[i]);
          out.flush();
        } catch (java.io.IOException e) {
          closed = true;
          break;
        }
        closed = RawHttp1.closedWithin(s, 50);
        if (System.nanoTime() - start > CLOSED_WITHIN_MILLIS * 1_000_000L) {
          break;
        }
      }
      assertTrue(closed, "a trickled second request kept its connection open past " + CLOSED_WITHIN_MILLIS + " ms");
      assertNotBefore(start);
    }
  }

  @Test
  void keepAliveConnectionQuietBetweenRequestsIsNotCutByTheHeaderReadTimeout() throws Exception {
    try (Socket s = RawHttp1.connect(cleartext.port(), 5_000)) {
      s.getOutputStream().write(RawHttp1.get(3));
      assertEquals(200, RawHttp1.read(s.getInputStream()).status);
      // Quiet for three header-read timeouts: the idle timeout, not the header-read one, governs this.
      assertFalse(RawHttp1.closedWithin(s, 3L * HEADER_READ_MILLIS));
      s.getOutputStream().write(RawHttp1.get(4));
      RawHttp1.Response second = RawHttp1.read(s.getInputStream());
      assertEquals(200, second.status);
      assertEquals(4, new Message(second.body).getHeader().getID());
    }
  }

  @Test
  void tlsConnectionThatCompletesTheHandshakeAndAsksNothingIsClosed() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustAll()}, null);
    try (SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", tls.port())) {
      s.setSoTimeout(5_000);
      long start = System.nanoTime();
      s.startHandshake();
      assertTrue(RawHttp1.closedWithin(s, CLOSED_WITHIN_MILLIS), "a TLS connection with no request stayed open");
      assertNotBefore(start);
    }
  }

  @Test
  void tlsClientThatNeverFinishesTheHandshakeIsDropped() throws Exception {
    try (Socket s = RawHttp1.connect(tls.port(), 5_000)) {
      // The first bytes of a TLS record carrying a ClientHello, then nothing.
      s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03});
      long start = System.nanoTime();
      assertTrue(RawHttp1.closedWithin(s, CLOSED_WITHIN_MILLIS), "a half-done TLS handshake kept its connection");
      assertNotBefore(start);
    }
  }

  @Test
  void tlsClientThatSendsNothingAtAllIsDropped() throws Exception {
    try (Socket s = RawHttp1.connect(tls.port(), 5_000)) {
      long start = System.nanoTime();
      assertTrue(RawHttp1.closedWithin(s, CLOSED_WITHIN_MILLIS), "a silent TCP connection to the TLS port stayed open");
      assertNotBefore(start);
    }
  }

  /** Closed by the timeout, not by something at once (a limit, a parse error). */
  private static void assertNotBefore(long startNanos) {
    long elapsedMillis = (System.nanoTime() - startNanos) / 1_000_000L;
    assertTrue(elapsedMillis >= HEADER_READ_MILLIS * 3 / 4, "closed after only " + elapsedMillis + " ms");
  }

  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
