package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/**
 * Each HTTP/2 and slow-client attack against the running server (h2c on loopback, the real resolver on
 * the embedded zone, one event-loop thread so that the attacker and the legitimate client share it),
 * with a legitimate client beside it at {@value #RATE} requests a second over its own connection. Each
 * test asserts that every legitimate request is answered, with a bounded p99; that the attacking
 * connection (or, for a body that never ends over HTTP/2, its stream) is shut down within a bounded
 * time; and that the open connections and the heap after GC come back to what they were. The figures
 * go to {@code target/reliability/} (section {@code attacks}).
 */
@Timeout(60)
class AttacksUnderLoadTest {

  static final int RATE = 200;
  /** Generous: two shared cores, the attacker on the same event loop. */
  static final double P99_BOUND_MILLIS = 500;
  static final int HEADER_READ_MILLIS = 2_000;
  static final long SHUT_BOUND_MILLIS = 5_000;
  static final double HEAP_GROWTH_BOUND_MIB = 64;

  private static DefaultResolver resolver;

  @BeforeAll
  static void startResolver() {
    resolver = new DefaultResolver(ResolverConfig.builder().registry(new PrometheusRegistry()).build());
  }

  @AfterAll
  static void stopResolver() {
    resolver.close();
  }

  private static DohServer server(int maxConnections) throws IOException {
    return new DohServer(
            DohServerConfig.builder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .tls(TlsSettings.off())
                .headerReadTimeout(Duration.ofMillis(HEADER_READ_MILLIS))
                .maxConnections(maxConnections)
                .drainTimeout(Duration.ofSeconds(1))
                .ioThreads(1)
                .registry(new PrometheusRegistry())
                .build(),
            resolver)
        .start();
  }

  static String getPath(String name, int id) {
    return "/dns-query?dns=" + TestClients.base64Url(TestClients.query(name, Type.A, id));
  }

  /** What an attack reports: when the server shut it down and how, and how much it sent. */
  static final class Outcome {
    final long shutMillis;
    final String how;
    final long sent;

    Outcome(long shutMillis, String how, long sent) {
      this.shutMillis = shutMillis;
      this.how = how;
      this.sent = sent;
    }
  }

  interface Attack {
    Outcome run(DohServer server) throws Exception;
  }

  /** The legitimate load: GETs of www.example.test A (cache hits), the answer's ID checked. */
  static FixedRateLoad.Sender legitSender(LegitH2cClient client) {
    return seq -> {
      int id = seq & 0xffff;
      CompletableFuture<LegitH2cClient.Response> f = client.get(getPath("www.example.test.", id));
      return f.thenApply(r -> {
        if (r.status != 200) {
          return "status " + r.status;
        }
        int got = ((r.body[0] & 0xff) << 8) | (r.body[1] & 0xff);
        return got == id ? null : "ID " + got + " for " + id;
      });
    };
  }

  private void underAttack(String name, int maxConnections, long shutBound, Attack attack) throws Exception {
    try (DohServer server = server(maxConnections);
        LegitH2cClient legit = new LegitH2cClient(server.port());
        FixedRateLoad load = new FixedRateLoad(name, RATE, 40, 5_000, legitSender(legit))) {
      load.start();
      Thread.sleep(700);
      double heapBefore = Reliability.heapAfterGcMiB();
      int connectionsBefore = server.openConnections();
      long from = load.elapsedNanos();
      AtomicInteger peakConnections = new AtomicInteger();
      Thread sampler = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          peakConnections.accumulateAndGet(server.openConnections(), Math::max);
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      sampler.setDaemon(true);
      sampler.start();
      Outcome outcome = attack.run(server);
      long to = load.elapsedNanos();
      long settle = System.nanoTime() + 8_000_000_000L;
      while (server.openConnections() > connectionsBefore && System.nanoTime() < settle) {
        Thread.sleep(20);
      }
      int connectionsAfter = server.openConnections();
      sampler.interrupt();
      Thread.sleep(500); // legit load after the attack
      load.stop();
      FixedRateLoad.Stats during = load.between(from, to);
      FixedRateLoad.Stats all = load.all();
      double heapAfter = Reliability.heapAfterGcMiB();
      boolean pass = all.ok == all.count && during.p99Millis <= P99_BOUND_MILLIS && outcome.shutMillis >= 0
          && outcome.shutMillis <= shutBound && connectionsAfter <= connectionsBefore
          && heapAfter - heapBefore <= HEAP_GROWTH_BOUND_MIB && legit.connections() == 1;
      Reliability.record("attacks", name, Reliability.figures(
          "outcome", pass ? "pass" : "FAIL",
          "legit requests", all.count,
          "legit answered", all.ok,
          "legit p50 during (ms)", during.p50Millis,
          "legit p99 during (ms)", during.p99Millis,
          "attacker shut (ms)", outcome.shutMillis,
          "how", outcome.how,
          "attack sent", outcome.sent,
          "peak connections", peakConnections.get(),
          "connections after", connectionsAfter,
          "heap growth after GC (MiB)", heapAfter - heapBefore));
      assertEquals(all.count, all.ok, "legit client: " + all);
      assertTrue(during.p99Millis <= P99_BOUND_MILLIS, "legit p99 during the attack: " + during);
      assertEquals(1, legit.connections(), "the legit client's own connection was lost");
      assertTrue(outcome.shutMillis >= 0 && outcome.shutMillis <= shutBound,
          "attacker shut after " + outcome.shutMillis + " ms (" + outcome.how + "), bound " + shutBound);
      assertTrue(connectionsAfter <= connectionsBefore, connectionsAfter + " connections open after, " + connectionsBefore + " before");
      assertTrue(heapAfter - heapBefore <= HEAP_GROWTH_BOUND_MIB, "heap grew " + (heapAfter - heapBefore) + " MiB");
    }
  }

  /** Sends frames from {@code frames} until the server hangs up, {@code seconds} pass or {@code max} are sent. */
  interface FrameSource {
    void next(Attacker a, long n) throws IOException;
  }

  private static Outcome flood(int port, boolean read, boolean ackSettings, int seconds, long max, FrameSource source)
      throws Exception {
    try (Attacker a = new Attacker(port)) {
      if (read) {
        a.reading();
      }
      if (ackSettings) {
        a.h2.settingsAck();
      }
      long deadline = a.startNanos + seconds * 1_000_000_000L;
      long n = 0;
      try {
        for (; n < max && !a.closed() && System.nanoTime() < deadline; n++) {
          source.next(a, n);
          if (n % 64 == 63) {
            a.h2.flush();
          }
        }
        a.h2.flush();
      } catch (IOException e) {
        a.writeFailed();
      }
      a.awaitClosed(SHUT_BOUND_MILLIS);
      return new Outcome(a.shutMillis(), a.how(), n);
    }
  }

  @Test
  void rapidReset() throws Exception {
    underAttack("HTTP/2 rapid reset (CVE-2023-44487)", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 200_000, (a, n) -> {
          int id = (int) (1 + 2 * n);
          a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_HEADERS | RawH2Connection.END_STREAM, id,
              a.requestStart(false, getPath("rr" + n + ".example.test.", (int) n & 0xffff)));
          a.h2.frame(RawH2Connection.RST_STREAM, 0, id, Attacker.int32(8));
        }));
  }

  @Test
  void madeYouReset() throws Exception {
    // Server-made resets: a request, then on its (half-closed) stream DATA after END_STREAM (STREAM_CLOSED)
    // or a WINDOW_UPDATE that overflows the stream window (FLOW_CONTROL_ERROR): the server resets the
    // stream, while its answer is still being worked on.
    underAttack("MadeYouReset (CVE-2025-8671): server-made resets", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 200_000, (a, n) -> {
          int id = (int) (1 + 2 * n);
          a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_HEADERS | RawH2Connection.END_STREAM, id,
              a.requestStart(false, getPath("myr" + n + ".example.test.", (int) n & 0xffff)));
          if (n % 2 == 0) {
            a.h2.frame(RawH2Connection.DATA, RawH2Connection.END_STREAM, id, new byte[] {1});
          } else {
            a.h2.frame(RawH2Connection.WINDOW_UPDATE, 0, id, Attacker.int32(0x7fffffff));
          }
        }));
  }

  @Test
  void continuationFloodOfEmptyFrames() throws Exception {
    underAttack("CONTINUATION flood, zero-length (CVE-2026-33871)", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 2_000_000, (a, n) -> {
          if (n == 0) {
            a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_STREAM, 1, a.requestStart(false, getPath("c.example.test.", 1)));
          } else {
            a.h2.frame(RawH2Connection.CONTINUATION, 0, 1, new byte[0]);
          }
        }));
  }

  @Test
  void continuationFloodOfLargeFrames() throws Exception {
    byte[] junk = new byte[1_000];
    java.util.Arrays.fill(junk, (byte) 0x40);
    underAttack("CONTINUATION flood, 1,000-byte frames", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 2_000_000, (a, n) -> {
          if (n == 0) {
            a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_STREAM, 1, a.requestStart(false, getPath("c.example.test.", 1)));
          } else {
            a.h2.frame(RawH2Connection.CONTINUATION, 0, 1, junk);
          }
        }));
  }

  @Test
  void hpackHeaderBomb() throws Exception {
    // One 4,000-byte header put in the dynamic table, then referenced 2,000 times in one block: 5 KB on
    // the wire, 8 MB of header list decoded. Every block inserts it anew (evicting the last), index 62.
    underAttack("HPACK header bomb (8 MB per 5 KB block)", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 10_000, (a, n) -> {
          ByteArrayOutputStream block = new ByteArrayOutputStream();
          block.writeBytes(a.requestStart(false, getPath("bomb.example.test.", (int) n & 0xffff)));
          block.write(0x40);
          Attacker.string(block, "x-bomb");
          Attacker.string(block, "a".repeat(4_000));
          for (int i = 0; i < 2_000; i++) {
            block.write(0x80 | 62);
          }
          a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_HEADERS | RawH2Connection.END_STREAM,
              (int) (1 + 2 * n), block.toByteArray());
          a.h2.flush();
        }));
  }

  @Test
  void settingsFloodFromAClientThatNeverReads() throws Exception {
    underAttack("SETTINGS flood, replies never read", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), false, true, 5, 2_000_000, (a, n) ->
            a.h2.frame(RawH2Connection.SETTINGS, 0, 0, Attacker.setting(0x3, 100))));
  }

  @Test
  void pingFlood() throws Exception {
    underAttack("PING flood", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 2_000_000, (a, n) ->
            a.h2.frame(RawH2Connection.PING, 0, 0, new byte[8])));
  }

  @Test
  void emptyDataFlood() throws Exception {
    underAttack("empty DATA flood (CVE-2019-9518)", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 2_000_000, (a, n) -> {
          if (n == 0) {
            a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_HEADERS, 1, a.requestStart(true, "/dns-query"));
          } else {
            a.h2.frame(RawH2Connection.DATA, 0, 1, new byte[0]);
          }
        }));
  }

  @Test
  void moreStreamsThanMaxConcurrentStreams() throws Exception {
    // POSTs whose bodies never come keep their streams open; past 100 every new one is refused.
    underAttack("streams past MAX_CONCURRENT_STREAMS (100)", 1024, SHUT_BOUND_MILLIS, server ->
        flood(server.port(), true, true, 5, 100_000, (a, n) ->
            a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_HEADERS, (int) (1 + 2 * n),
                a.requestStart(true, "/dns-query"))));
  }

  @Test
  void http2ClientThatNeverOpensItsWindow() throws Exception {
    // SETTINGS_INITIAL_WINDOW_SIZE 0 and no WINDOW_UPDATE: every answer waits in the server; a PING now
    // and then keeps the idle timeout away.
    underAttack("HTTP/2 client that never opens its window", 1024, HEADER_READ_MILLIS + SHUT_BOUND_MILLIS, server -> {
      try (Attacker a = new Attacker(server.port())) {
        a.reading();
        a.h2.frame(RawH2Connection.SETTINGS, 0, 0, Attacker.setting(0x4, 0));
        a.h2.settingsAck();
        for (int i = 0; i < 50; i++) {
          a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_HEADERS | RawH2Connection.END_STREAM, 1 + 2 * i,
              a.requestStart(false, getPath("www.example.test.", i)));
        }
        a.h2.flush();
        long deadline = System.nanoTime() + (HEADER_READ_MILLIS + 6_000) * 1_000_000L;
        try {
          while (!a.closed() && System.nanoTime() < deadline) {
            a.h2.frame(RawH2Connection.PING, 0, 0, new byte[8]);
            a.h2.flush();
            Thread.sleep(300);
          }
        } catch (IOException e) {
          a.writeFailed();
        }
        a.awaitClosed(2_000);
        return new Outcome(a.shutMillis(), a.how() + ", " + a.headers.get() + " HEADERS got, no DATA", 50);
      }
    });
  }

  @Test
  void http2PostBodyThatNeverEnds() throws Exception {
    // The stream, not the connection, is what is shut: RST_STREAM within the header-read timeout.
    underAttack("HTTP/2 POST body that never ends (stream reset)", 1024, HEADER_READ_MILLIS + SHUT_BOUND_MILLIS, server -> {
      try (Attacker a = new Attacker(server.port())) {
        a.reading();
        a.h2.settingsAck();
        a.h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_HEADERS, 1, a.requestStart(true, "/dns-query"));
        a.h2.flush();
        long deadline = System.nanoTime() + (HEADER_READ_MILLIS + 6_000) * 1_000_000L;
        int sent = 0;
        try {
          while (a.rsts.get() == 0 && !a.closed() && System.nanoTime() < deadline) {
            a.h2.frame(RawH2Connection.DATA, 0, 1, new byte[] {0});
            a.h2.flush();
            sent++;
            Thread.sleep(100);
          }
        } catch (IOException e) {
          a.writeFailed();
        }
        long shut = a.firstRstNanos == 0 ? -1 : (a.firstRstNanos - a.startNanos) / 1_000_000L;
        return new Outcome(shut, a.rsts.get() > 0 ? "RST_STREAM on the stream" : a.how(), sent);
      }
    });
  }

  @Test
  void http1HeadersAByteAtATime() throws Exception {
    underAttack("HTTP/1.1 headers a byte at a time", 1024, HEADER_READ_MILLIS + SHUT_BOUND_MILLIS, server ->
        trickle(server.port(), RawHttp1.get(1)));
  }

  @Test
  void http1PostBodyThatNeverEnds() throws Exception {
    byte[] head = ("POST /dns-query HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/dns-message\r\n"
        + "Content-Length: 512\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    underAttack("HTTP/1.1 POST body that never ends", 1024, HEADER_READ_MILLIS + SHUT_BOUND_MILLIS, server -> {
      try (Socket s = RawHttp1.connect(server.port(), 5_000)) {
        long start = System.nanoTime();
        s.getOutputStream().write(head);
        return trickleOn(s, start, new byte[512], head.length);
      }
    });
  }

  private static Outcome trickle(int port, byte[] bytes) throws IOException {
    try (Socket s = RawHttp1.connect(port, 5_000)) {
      return trickleOn(s, System.nanoTime(), bytes, 0);
    }
  }

  private static Outcome trickleOn(Socket s, long start, byte[] bytes, int already) throws IOException {
    OutputStream out = s.getOutputStream();
    long deadline = start + (HEADER_READ_MILLIS + 6_000) * 1_000_000L;
    int i = 0;
    boolean closed = false;
    while (!closed && i < bytes.length - 1 && System.nanoTime() < deadline) {
      try {
        out.write(bytes[i++]);
        out.flush();
      } catch (IOException e) {
        closed = true;
        break;
      }
      closed = RawHttp1.closedWithin(s, 100);
    }
    long millis = (System.nanoTime() - start) / 1_000_000L;
    return new Outcome(closed ? millis : -1, closed ? "close" : "still open", already + i);
  }

  /** Past the default limit of 1,024; the long form ({@code -Dreliability.long=true}) opens 2,000. */
  private static final int IDLE_CONNECTIONS = Boolean.getBoolean("reliability.long") ? 2_000 : 1_200;

  @Test
  void thousandsOfIdleConnections() throws Exception {
    // connections that send nothing, past the default limit of 1,024: those past it are closed at once,
    // the rest when the header-read timeout ends; the legitimate connection, open before, goes on.
    underAttack(IDLE_CONNECTIONS + " idle connections (limit 1,024)", 1024, HEADER_READ_MILLIS + SHUT_BOUND_MILLIS,
        server -> {
      List<Socket> sockets = new ArrayList<>();
      long start = System.nanoTime();
      try {
        for (int i = 0; i < IDLE_CONNECTIONS; i++) {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
          sockets.add(s);
        }
        long deadline = start + (HEADER_READ_MILLIS + 8_000) * 1_000_000L;
        int open = sockets.size();
        while (open > 0 && System.nanoTime() < deadline) {
          open = 0;
          for (Socket s : sockets) {
            if (!s.isClosed()) {
              try {
                s.setSoTimeout(1);
                if (s.getInputStream().read() < 0) {
                  s.close();
                } else {
                  open++;
                }
              } catch (java.net.SocketTimeoutException e) {
                open++;
              } catch (IOException e) {
                s.close();
              }
            }
          }
          if (open > 0) {
            Thread.sleep(100);
          }
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        return new Outcome(open == 0 ? millis : -1,
            open == 0 ? "all " + IDLE_CONNECTIONS + " closed" : open + " still open", IDLE_CONNECTIONS);
      } finally {
        for (Socket s : sockets) {
          s.close();
        }
      }
    });
  }
}
