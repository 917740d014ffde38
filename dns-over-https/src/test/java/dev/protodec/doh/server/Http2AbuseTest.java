package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2ChannelDuplexHandler;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * HTTP/2 clients that push the server's limits, over h2c on loopback: more concurrent streams than
 * SETTINGS allow, rapid reset (CVE-2023-44487) with Netty's own client frame codec, resets under the
 * limit, and a flood of empty CONTINUATION frames (CVE-2026-33871).
 */
@Timeout(30)
class Http2AbuseTest {

  private static DohServer server(FixedAnswerTestResolver resolver, int maxStreams, int rstFrames) throws IOException {
    return new DohServer(
            DohServerConfig.builder()
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .tls(TlsSettings.off())
                .maxConcurrentStreams(maxStreams)
                .rstLimit(rstFrames, Duration.ofSeconds(1))
                .drainTimeout(Duration.ofSeconds(1))
                .ioThreads(1)
                .registry(new PrometheusRegistry())
                .build(),
            resolver)
        .start();
  }

  private static String getPath(int id) {
    return "/dns-query?dns=" + TestClients.base64Url(TestClients.exampleQuery(id));
  }

  @Test
  void streamsPastTheAdvertisedLimitAreRefusedAndTheOthersAnswered() throws Exception {
    int limit = 4;
    int opened = 10;
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver(500); // streams stay open meanwhile
        DohServer server = server(resolver, limit, 200);
        RawH2Connection h2 = new RawH2Connection(server.port())) {
      RawH2Connection.Frame settings = h2.read(5_000);
      assertEquals(RawH2Connection.SETTINGS, settings.type);
      assertEquals(limit, settings.setting(RawH2Connection.SETTINGS_MAX_CONCURRENT_STREAMS));
      h2.settingsAck(); // the server applies its limit once its SETTINGS are acknowledged
      for (int i = 0; i < opened; i++) {
        h2.get(1 + 2 * i, getPath(i));
      }
      h2.flush();
      Map<Integer, Object> outcome = new HashMap<>(); // stream -> status or "RST <code>"
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (outcome.size() < opened && System.nanoTime() < deadline) {
        RawH2Connection.Frame f = h2.read(5_000);
        assertNotNull(f, "the connection closed; so far " + outcome);
        if (f.type == RawH2Connection.HEADERS) {
          outcome.put(f.stream, h2.status(f)); // every HEADERS decoded, in order (HPACK state)
        } else if (f.type == RawH2Connection.RST_STREAM) {
          outcome.put(f.stream, "RST " + f.errorCode());
        } else if (f.type == RawH2Connection.GOAWAY) {
          throw new AssertionError("GOAWAY " + f.errorCode() + "; so far " + outcome);
        }
      }
      long answered = outcome.values().stream().filter(v -> v.equals(200)).count();
      long refused = outcome.values().stream().filter(v -> v.equals("RST " + RawH2Connection.REFUSED_STREAM)).count();
      assertEquals(limit, answered, outcome.toString());
      assertEquals(opened - limit, refused, outcome.toString());
      for (int i = 0; i < limit; i++) {
        assertEquals(200, outcome.get(1 + 2 * i), "the first streams are the ones answered: " + outcome);
      }
    }
  }

  @Test
  void rapidResetPastTheLimitGetsGoAwayEnhanceYourCalmAndTheConnectionClosed() throws Exception {
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver(2_000); // the server is still working
        DohServer server = server(resolver, 100, 10);
        NettyH2Client client = new NettyH2Client(server.port())) {
      int sent = 0;
      while (sent < 50 && client.openAndReset(sent)) {
        sent++;
      }
      Http2GoAwayFrame goAway = client.goAway(5_000);
      boolean closed = client.channel.closeFuture().await(5, TimeUnit.SECONDS);
      assertTrue(closed, sent + " resets in a burst with 10 a second allowed, and the connection stayed open");
      assertTrue(sent > 10, "closed after only " + sent + " resets");
      // Netty sends GOAWAY and closes; on a busy machine the close can reach the client before it has read
      // the GOAWAY, so its code is checked when it arrived
      if (goAway != null) {
        assertEquals(Http2Error.ENHANCE_YOUR_CALM.code(), goAway.errorCode());
      }
    }
  }

  @Test
  void resetsUnderTheLimitKeepTheConnectionServing() throws Exception {
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver(200);
        DohServer server = server(resolver, 100, 10);
        NettyH2Client client = new NettyH2Client(server.port())) {
      for (int i = 0; i < 5; i++) {
        assertTrue(client.openAndReset(i)); // a client giving up on queries, as stub resolvers do on a timer
      }
      Thread.sleep(600); // the resolver answers the reset streams meanwhile: those answers go nowhere
      Http2GoAwayFrame early = client.goAway(0);
      assertNull(early, () -> "GOAWAY " + early.errorCode() + " after 5 resets and their late answers");
      Http2HeadersFrame headers = client.get(99, 5_000);
      assertNotNull(headers, "no answer on the same connection after 5 resets");
      assertEquals("200", headers.headers().status().toString());
      assertNull(client.goAway(0));
      assertTrue(client.channel.isActive());
    }
  }

  @Test
  void floodOfEmptyContinuationFramesClosesTheConnection() throws Exception {
    try (FixedAnswerTestResolver resolver = new FixedAnswerTestResolver();
        DohServer server = server(resolver, 100, 200);
        RawH2Connection h2 = new RawH2Connection(server.port())) {
      assertEquals(RawH2Connection.SETTINGS, h2.read(5_000).type);
      h2.settingsAck();
      h2.frame(RawH2Connection.HEADERS, RawH2Connection.END_STREAM, 1, h2.getHeaderBlock(1, getPath(1))); // no END_HEADERS
      long start = System.nanoTime();
      int sent = 0;
      try {
        for (; sent < 500_000 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5); sent++) {
          h2.frame(RawH2Connection.CONTINUATION, 0, 1, new byte[0]);
          if (sent % 1_000 == 999) {
            h2.flush();
          }
        }
        h2.flush();
      } catch (IOException closedByTheServer) {
        // what we expect: the server hung up in the middle of the flood
      }
      RawH2Connection.Frame goAway = readGoAway(h2);
      // the server's close while our flood is still arriving can reset the connection (TCP RST), which
      // may drop its GOAWAY before we read it: the code is checked when it arrived, the close always
      if (goAway != null) {
        assertEquals(RawH2Connection.ENHANCE_YOUR_CALM, goAway.errorCode()); // what Netty 4.2.11+ answers
      }
      assertTrue(h2.closedWithin(3_000), "the connection stayed open after " + sent + " empty CONTINUATION frames");
      long millis = (System.nanoTime() - start) / 1_000_000L;
      assertTrue(millis < 5_000, "closed only after " + millis + " ms");
      assertTrue(sent < 500_000, "the whole flood of " + sent + " frames was taken");
    }
  }

  private static RawH2Connection.Frame readGoAway(RawH2Connection h2) {
    try {
      return h2.readUntil(RawH2Connection.GOAWAY, 3_000);
    } catch (IOException reset) {
      return null;
    }
  }

  /** Netty's HTTP/2 client frame codec on h2c by prior knowledge, streams driven from the test. */
  private static final class NettyH2Client extends Http2ChannelDuplexHandler implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final BlockingQueue<Http2GoAwayFrame> goAways = new LinkedBlockingQueue<>();
    private final BlockingQueue<Http2HeadersFrame> headers = new LinkedBlockingQueue<>();
    private final String authority;
    final Channel channel;

    NettyH2Client(int port) throws InterruptedException {
      authority = "127.0.0.1:" + port;
      NettyH2Client self = this;
      channel =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                      ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().build(), self);
                    }
                  })
              .connect("127.0.0.1", port)
              .sync()
              .channel();
    }

    private Http2Headers request(int id) {
      return new DefaultHttp2Headers().method("GET").scheme("http").authority(authority).path(getPath(id));
    }

    /** HEADERS of a GET, then at once RST_STREAM(CANCEL) on it; false once the connection is gone. */
    boolean openAndReset(int id) throws Exception {
      return channel.eventLoop().submit(() -> {
        if (!channel.isActive()) {
          return false;
        }
        Http2FrameStream stream = newStream();
        channel.write(new DefaultHttp2HeadersFrame(request(id), true).stream(stream));
        channel.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL).stream(stream));
        return true;
      }).get(5, TimeUnit.SECONDS);
    }

    /** A GET; its response HEADERS, or null if none came in time. */
    Http2HeadersFrame get(int id, long timeoutMillis) throws Exception {
      channel.eventLoop().submit(() -> {
        channel.writeAndFlush(new DefaultHttp2HeadersFrame(request(id), true).stream(newStream()));
      }).get(5, TimeUnit.SECONDS);
      return headers.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    Http2GoAwayFrame goAway(long timeoutMillis) throws InterruptedException {
      return goAways.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof Http2GoAwayFrame) {
        goAways.add((Http2GoAwayFrame) ((Http2GoAwayFrame) msg).retain());
      } else if (msg instanceof Http2HeadersFrame) {
        headers.add((Http2HeadersFrame) msg);
      }
      ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    @Override
    public void close() {
      channel.close().syncUninterruptibly();
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
