package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;

/**
 * The connection limit over loopback: with N allowed, N keep-alive connections are answered, the
 * (N+1)-th is closed at once without an answer while the N go on being answered, and once one of the
 * N goes its place can be taken again.
 */
@Timeout(30)
class ConnectionLimitsTest {

  private static final int LIMIT = 3;

  @Test
  void connectionPastTheLimitIsClosedAtOnceWhileTheOthersAreStillAnswered() throws Exception {
    List<Socket> admitted = new ArrayList<>();
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver();
        DohServer server =
            new DohServer(
                    DohServerConfig.builder()
                        .listen(new InetSocketAddress("127.0.0.1", 0))
                        .tls(TlsSettings.off())
                        .maxConnections(LIMIT)
                        .ioThreads(1)
                        .registry(new PrometheusRegistry())
                        .build(),
                    resolver)
                .start()) {
      for (int i = 0; i < LIMIT; i++) {
        Socket s = RawHttp1.connect(server.port(), 5_000);
        admitted.add(s);
        assertAnswered(s, 100 + i);
      }

      try (Socket extra = RawHttp1.connect(server.port(), 5_000)) {
        long start = System.nanoTime();
        try {
          extra.getOutputStream().write(RawHttp1.get(200));
        } catch (IOException closedAlready) {
          // fine: refused before the request was out
        }
        assertTrue(RawHttp1.closedWithin(extra, 2_000), "connection " + (LIMIT + 1) + " was kept");
        long millis = (System.nanoTime() - start) / 1_000_000L;
        assertTrue(millis < 1_000, "closed only after " + millis + " ms, not at once");
      }

      for (int i = 0; i < LIMIT; i++) {
        assertAnswered(admitted.get(i), 300 + i); // the first N are untouched
      }

      admitted.remove(0).close();
      assertTrue(answeredOnANewConnectionWithin(server.port(), 3_000), "a freed place was not given again");
    } finally {
      for (Socket s : admitted) {
        s.close();
      }
    }
  }

  private static void assertAnswered(Socket s, int id) throws IOException {
    s.getOutputStream().write(RawHttp1.get(id));
    RawHttp1.Response response = RawHttp1.read(s.getInputStream());
    assertEquals(200, response.status);
    assertEquals(id, new Message(response.body).getHeader().getID());
  }

  /** The server sees the close a moment later: retries until a new connection is let in. */
  private static boolean answeredOnANewConnectionWithin(int port, long millis) throws Exception {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = RawHttp1.connect(port, 2_000)) {
        assertAnswered(s, 400);
        return true;
      } catch (IOException refused) {
        Thread.sleep(50);
      }
    }
    return false;
  }
}
