package dev.protodec.doh.resolver;

import static dev.protodec.doh.testing.Queries.askAndParse;
import static dev.protodec.doh.testing.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Upstream replies that are not DNS: each is refused (SERVFAIL to the client), never cached (the next
 * query goes upstream again) and harms nothing (the same resolver answers the next good query).
 */
@Timeout(60)
class MalformedUpstreamRepliesTest {
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T closing(T c) {
    closing.add(0, c);
    return c;
  }

  /** The reply's header: the query's ID, QR and RA set, one question, {@code answers} answers. */
  private static byte[] header(byte[] query, int answers, boolean truncated) {
    byte[] h = Arrays.copyOf(query, 12);
    h[2] = (byte) (0x81 | (truncated ? 0x02 : 0)); // QR, RD (+ TC)
    h[3] = (byte) 0x80; // RA
    h[5] = 1;
    h[7] = (byte) answers;
    h[9] = 0;
    h[11] = 0;
    return h;
  }

  /** The query's question section (its name, type and class), for replies that echo it. */
  private static byte[] question(byte[] query) {
    int end = 12;
    while (query[end] != 0) {
      end += (query[end] & 0xff) + 1;
    }
    return Arrays.copyOfRange(query, 12, end + 5);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private static final byte[] A_RR_TAIL = {0, 1, 0, 1, 0, 0, 0, 60, 0, 4, (byte) 192, 0, 2, 1};

  static List<UnaryOperator<byte[]>> lies() {
    return List.of(
        // an answer whose owner name is a compression pointer to itself: a loop
        q -> concat(header(q, 1, false), question(q), new byte[] {(byte) 0xc0, (byte) (12 + question(q).length)},
            A_RR_TAIL),
        // a pointer past the end of the message
        q -> concat(header(q, 1, false), question(q), new byte[] {(byte) 0xc3, (byte) 0xff}, A_RR_TAIL),
        // RDLENGTH larger than what follows
        q -> concat(header(q, 1, false), question(q), new byte[] {(byte) 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0,
            (byte) 200, 1, 2}),
        // one answer announced, none there
        q -> concat(header(q, 1, false), question(q)),
        // shorter than a header
        q -> Arrays.copyOf(q, 7));
  }

  @Test
  void repliesThatAreNotDnsAreRefusedNeverCachedAndHarmNothing() throws Exception {
    int n = 0;
    for (UnaryOperator<byte[]> lie : lies()) {
      Liar liar = closing(new Liar(lie, false));
      DefaultResolver r = closing(new DefaultResolver(ResolverConfig.builder().upstreams(List.of(liar.udpAddress()))
          .upstreamTimeout(Duration.ofMillis(300)).maxStale(Duration.ZERO).healthProbeInterval(Duration.ZERO).build()));
      String name = "lie" + n++ + ".example.test.";
      assertEquals(Rcode.SERVFAIL, askAndParse(r, query(name, Type.A, 1)).getRcode(), "lie " + n);
      int asked = liar.queries.get();
      assertEquals(Rcode.SERVFAIL, askAndParse(r, query(name, Type.A, 2)).getRcode(), "lie " + n);
      assertTrue(liar.queries.get() > asked, "lie " + n + " was cached");
    }
    EmbeddedZoneServer zone = closing(EmbeddedZoneServer.bundled().start());
    DefaultResolver honest = closing(new DefaultResolver(ResolverConfig.builder().upstreams(List.of(zone.address()))
        .healthProbeInterval(Duration.ZERO).build()));
    assertEquals(Rcode.NOERROR, askAndParse(honest, query("www.example.test.", Type.A, 3)).getRcode());
  }

  @Test
  void aTcpAnswerCutShortAfterTruncationIsServfailAndNotCached() throws Exception {
    Liar liar = closing(new Liar(q -> concat(header(q, 0, true), question(q)), true));
    DefaultResolver r = closing(new DefaultResolver(ResolverConfig.builder().upstreams(List.of(liar.udpAddress()))
        .upstreamTimeout(Duration.ofMillis(500)).maxStale(Duration.ZERO).healthProbeInterval(Duration.ZERO).build()));

    assertEquals(Rcode.SERVFAIL, askAndParse(r, query("cut.example.test.", Type.TXT, 1)).getRcode());
    assertTrue(liar.tcpConnections.get() >= 1, "TC=1 made the resolver try TCP");
    int asked = liar.queries.get();
    assertEquals(Rcode.SERVFAIL, askAndParse(r, query("cut.example.test.", Type.TXT, 2)).getRcode());
    assertTrue(liar.queries.get() > asked, "the truncated answer was cached");
  }

  /**
   * Answers UDP queries with what {@code lie} makes of them; with {@code tcp}, also accepts TCP on the
   * same port and sends a length prefix of 300 followed by 10 bytes, then closes.
   */
  private static final class Liar implements AutoCloseable {
    final AtomicInteger queries = new AtomicInteger();
    final AtomicInteger tcpConnections = new AtomicInteger();
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final UnaryOperator<byte[]> lie;

    Liar(UnaryOperator<byte[]> lie, boolean tcp) throws IOException {
      this.lie = lie;
      this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      this.tcp = tcp ? new ServerSocket(udp.getLocalPort(), 16, InetAddress.getLoopbackAddress()) : null;
      start(this::serveUdp);
      if (tcp) {
        start(this::serveTcp);
      }
    }

    private static void start(Runnable r) {
      Thread t = new Thread(r, "liar");
      t.setDaemon(true);
      t.start();
    }

    InetSocketAddress udpAddress() {
      return (InetSocketAddress) udp.getLocalSocketAddress();
    }

    private void serveUdp() {
      byte[] buf = new byte[4096];
      while (!udp.isClosed()) {
        try {
          DatagramPacket p = new DatagramPacket(buf, buf.length);
          udp.receive(p);
          queries.incrementAndGet();
          byte[] reply = lie.apply(Arrays.copyOf(p.getData(), p.getLength()));
          udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
        } catch (IOException e) {
          return;
        }
      }
    }

    private void serveTcp() {
      while (!tcp.isClosed()) {
        try (Socket s = tcp.accept()) {
          tcpConnections.incrementAndGet();
          queries.incrementAndGet();
          OutputStream out = s.getOutputStream();
          out.write(new byte[] {1, 44, 0, 1, (byte) 0x81, (byte) 0x80, 0, 1, 0, 1, 0, 0});
          out.flush();
        } catch (IOException e) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      udp.close();
      if (tcp != null) {
        tcp.close();
      }
    }
  }
}
