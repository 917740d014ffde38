package dev.protodec.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.AsciiString;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * An open-loop RFC 8484 load generator: requests leave on a fixed schedule (request i at start + i/rate)
 * whatever the server's answers do, and each latency is measured from the request's <em>intended</em> send
 * time, so a stall shows as the latency of every request scheduled during it (no coordinated omission).
 *
 * <p>HTTP/2 over TLS (ALPN h2), several connections used in turn, one Netty event loop; a sender thread
 * parks until each request is due and hands it to the loop. Every answer is checked: status 200 and the
 * query's ID in the first two bytes of the body; every {@code parseEvery}-th answer is also parsed as a
 * whole DNS message and checked for its question and rcode. Stops by itself: after {@code duration} of
 * sending it waits at most {@code timeout} for the answers still out, and counts those as timeouts.
 */
final class OpenLoop implements AutoCloseable {
  private static final AsciiString DNS_MESSAGE = AsciiString.cached("application/dns-message");
  /** Completed when the server's first SETTINGS frame (its MAX_CONCURRENT_STREAMS among them) has arrived. */
  private static final AttributeKey<Promise<Void>> SETTINGS = AttributeKey.valueOf("openloop.settings");

  /** One request: the query (its ID inside) and what its answer must show. */
  record Request(byte[] wire, String path, String name, int type, boolean positive) {
    int id() {
      return ((wire[0] & 0xff) << 8) | (wire[1] & 0xff);
    }
  }

  /** What one run gave. */
  record Outcome(double targetRate, long sent, long ok, long non200, long badAnswers, long failedStreams,
      long timeouts, long parsed, double seconds, double sentPerSecond, Histogram latencyMicros) {
    long errors() {
      return non200 + badAnswers + failedStreams + timeouts;
    }
  }

  private final EventLoopGroup group;
  private final List<Channel> connections = new ArrayList<>();
  private final InetSocketAddress server;

  OpenLoop(InetSocketAddress server, int connectionCount) throws IOException {
    this.server = server;
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    SslContext ssl;
    try {
      ssl = SslContextBuilder.forClient()
          .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
          .trustManager(InsecureTrustManagerFactory.INSTANCE)
          .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
              ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
              ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ApplicationProtocolNames.HTTP_2))
          .build();
    } catch (javax.net.ssl.SSLException e) {
      throw new IOException(e);
    }
    Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Promise<Void> settings = ch.eventLoop().newPromise();
            ch.attr(SETTINGS).set(settings);
            ch.closeFuture().addListener(f -> settings.tryFailure(new IOException("connection closed before SETTINGS")));
            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "localhost", server.getPort()),
                // streams past the server's MAX_CONCURRENT_STREAMS wait in the client (still timed from
                // their intended send time) instead of failing or being refused
                Http2FrameCodecBuilder.forClient().encoderEnforceMaxConcurrentStreams(true).build(),
                new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()), new ChannelInboundHandlerAdapter() {
                  @Override
                  public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (Boolean.getBoolean("openloop.debug")) {
                      System.err.println("connection frame: " + msg);
                    }
                    if (msg instanceof Http2SettingsFrame) {
                      settings.trySuccess(null);
                    }
                    io.netty.util.ReferenceCountUtil.release(msg);
                  }

                  @Override
                  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    if (Boolean.getBoolean("openloop.debug")) {
                      System.err.println("connection exception: " + cause);
                    }
                    ctx.close();
                  }
                });
          }
        });
    for (int i = 0; i < connectionCount; i++) {
      Channel ch = b.connect(server).syncUninterruptibly().channel();
      SslHandler tls = ch.pipeline().get(SslHandler.class);
      if (!tls.handshakeFuture().awaitUninterruptibly(10, TimeUnit.SECONDS) || !tls.handshakeFuture().isSuccess()) {
        close();
        throw new IOException("TLS handshake with " + server + " failed", tls.handshakeFuture().cause());
      }
      if (!ApplicationProtocolNames.HTTP_2.equals(tls.applicationProtocol())) {
        close();
        throw new IOException(server + " did not negotiate h2 (ALPN: " + tls.applicationProtocol() + ")");
      }
      // Streams opened before the server's SETTINGS arrive are not held to its MAX_CONCURRENT_STREAMS:
      // the server refuses those past it, and refusals count against its abuse budget (GOAWAY).
      Promise<Void> settings = ch.attr(SETTINGS).get();
      if (!settings.awaitUninterruptibly(10, TimeUnit.SECONDS) || !settings.isSuccess()) {
        close();
        throw new IOException(server + " sent no HTTP/2 SETTINGS within 10 s", settings.cause());
      }
      connections.add(ch);
    }
  }

  /**
   * Sends {@code rate} requests per second for {@code duration}, drawing {@code requests} in turn.
   *
   * @param post POST the wire query rather than GET it
   * @param parseEvery parse every n-th answer in full (1: all)
   */
  Outcome run(List<Request> requests, boolean post, double rate, Duration duration, Duration timeout,
      int parseEvery) {
    long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
    Run run = new Run(requests, post, total, parseEvery);
    long intervalNanos = Math.round(1e9 / rate);
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
    run.start = start;
    long next = 0;
    while (next < total) {
      long now = System.nanoTime();
      long due = Math.min(total, (now - start) / intervalNanos + 1);
      if (due <= next) {
        LockSupport.parkNanos(start + next * intervalNanos - now);
        continue;
      }
      long from = next;
      long to = due;
      group.next().execute(() -> {
        for (long i = from; i < to; i++) {
          run.send(i, start + i * intervalNanos);
        }
      });
      next = due;
    }
    // Wait until the loop has run every send queued above: a loop that fell behind would otherwise
    // still be sending this run's requests into the next run (seen: seconds of latency at a quarter of
    // the rate, after a warm-up the loop had not kept up with), and the sent rate would be the queued one.
    group.next().submit(() -> { }).syncUninterruptibly();
    long sendEnd = System.nanoTime();
    long deadline = sendEnd + timeout.toNanos();
    while (System.nanoTime() < deadline && !run.done()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    long end = System.nanoTime();
    // on the loop, so no answer is recorded while we count what is still out
    Outcome[] outcome = new Outcome[1];
    group.next().submit(() -> {
      long timeouts = run.closeOutstanding(end);
      outcome[0] = new Outcome(rate, total, run.ok, run.non200, run.bad, run.failed, timeouts, run.parsed,
          (sendEnd - start) / 1e9, total / ((sendEnd - start) / 1e9), run.histogram.copy());
    }).syncUninterruptibly();
    return outcome[0];
  }

  /** The state of one run; touched on the event loop only (its one thread). */
  private final class Run {
    final List<Request> requests;
    final boolean post;
    final long total;
    final int parseEvery;
    final long[] intended;
    final boolean[] finished;
    final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    volatile long completed;
    long start;
    long ok;
    long non200;
    long bad;
    long failed;
    long parsed;
    int nextConnection;

    Run(List<Request> requests, boolean post, long total, int parseEvery) {
      this.requests = requests;
      this.post = post;
      this.total = total;
      this.parseEvery = Math.max(1, parseEvery);
      this.intended = new long[(int) total];
      this.finished = new boolean[(int) total];
    }

    boolean done() {
      return completed >= total;
    }

    void send(long index, long intendedNanos) {
      int i = (int) index;
      intended[i] = intendedNanos;
      Request request = requests.get((int) (index % requests.size()));
      Channel parent = connections.get(nextConnection++ % connections.size());
      new Http2StreamChannelBootstrap(parent).handler(new Answer(this, i, request)).open().addListener(f -> {
        if (!f.isSuccess()) {
          finish(i, false, () -> failed++);
          return;
        }
        Http2StreamChannel stream = (Http2StreamChannel) f.getNow();
        Http2Headers headers = new DefaultHttp2Headers().scheme("https").authority("localhost")
            .add("accept", DNS_MESSAGE);
        if (post) {
          headers.method("POST").path("/dns-query").add("content-type", DNS_MESSAGE)
              .addInt("content-length", request.wire().length);
          stream.write(new DefaultHttp2HeadersFrame(headers, false));
          stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(request.wire()), true));
        } else {
          headers.method("GET").path(request.path());
          stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true)).addListener(w -> {
            if (!w.isSuccess() && Boolean.getBoolean("openloop.debug")) {
              w.cause().printStackTrace();
            }
          });
        }
      });
    }

    void finish(int i, boolean record, Runnable count) {
      if (finished[i]) {
        return;
      }
      finished[i] = true;
      count.run();
      long micros = Math.max(0, (System.nanoTime() - intended[i]) / 1000);
      histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
      completed++;
    }

    /** Counts and records, at {@code now}, every request without an answer; returns how many. */
    long closeOutstanding(long now) {
      long timeouts = 0;
      for (int i = 0; i < total; i++) {
        if (!finished[i]) {
          finished[i] = true;
          timeouts++;
          long micros = intended[i] == 0 ? 0 : Math.max(0, (now - intended[i]) / 1000);
          histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
        }
      }
      return timeouts;
    }
  }

  /** One stream's answer: status, body, checks. */
  private static final class Answer extends ChannelInboundHandlerAdapter {
    private final Run run;
    private final int index;
    private final Request request;
    private int status;
    private ByteBuf body;

    Answer(Run run, int index, Request request) {
      this.run = run;
      this.index = index;
      this.request = request;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      boolean end = false;
      if (msg instanceof Http2HeadersFrame h) {
        CharSequence s = h.headers().status();
        if (s != null) {
          status = Integer.parseInt(s.toString());
        }
        end = h.isEndStream();
      } else if (msg instanceof Http2DataFrame d) {
        if (body == null) {
          body = ctx.alloc().heapBuffer(512);
        }
        body.writeBytes(d.content());
        end = d.isEndStream();
        d.release();
      } else {
        if (Boolean.getBoolean("openloop.debug")) {
          System.err.println("stream frame: " + msg);
        }
        io.netty.util.ReferenceCountUtil.release(msg);
      }
      if (end) {
        // no close(): the stream channel closes with the stream; closing it here, before the codec has
        // marked the stream closed, would send RST_STREAM(CANCEL), which the server counts as rapid reset
        complete();
      }
    }

    private void complete() {
      if (status != 200) {
        run.finish(index, true, () -> run.non200++);
      } else if (body == null || body.readableBytes() < 12 || body.getUnsignedShort(0) != request.id()) {
        run.finish(index, true, () -> run.bad++);
      } else if (index % run.parseEvery == 0 && !fullCheck()) {
        run.finish(index, true, () -> run.bad++);
      } else {
        run.finish(index, true, () -> run.ok++);
      }
      if (body != null) {
        body.release();
        body = null;
      }
    }

    private boolean fullCheck() {
      run.parsed++;
      try {
        byte[] bytes = new byte[body.readableBytes()];
        body.getBytes(0, bytes);
        Message m = new Message(bytes);
        if (m.getQuestion() == null || !m.getQuestion().getName().toString().equalsIgnoreCase(request.name())
            || m.getQuestion().getType() != request.type()) {
          return false;
        }
        int rcode = m.getRcode();
        return request.positive()
            ? rcode == Rcode.NOERROR && m.getSection(Section.ANSWER).size() > 0
            : rcode == Rcode.NXDOMAIN || (rcode == Rcode.NOERROR && m.getSection(Section.ANSWER).isEmpty());
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (Boolean.getBoolean("openloop.debug") && !run.finished[index]) {
        System.err.println("stream inactive: status " + status + " body " + body + " " + request.name());
      }
      run.finish(index, true, () -> run.failed++);
      if (body != null) {
        body.release();
        body = null;
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (Boolean.getBoolean("openloop.debug")) {
        System.err.println("stream exception: " + cause);
      }
      ctx.close();
    }
  }

  /** The workload's draws as open-loop requests, each with its own nonzero ID. */
  static List<Request> requests(CorpusWorkload workload) {
    List<Request> out = new ArrayList<>();
    int[] draws = workload.draws();
    for (int i = 0; i < draws.length; i++) {
      CorpusWorkload.Query q = workload.queries().get(draws[i]);
      byte[] wire = q.wire(1 + (i % 65_535));
      out.add(new Request(wire, "/dns-query?dns=" + java.util.Base64.getUrlEncoder().withoutPadding()
          .encodeToString(wire), q.name(), q.type(), q.positive()));
    }
    return out;
  }

  @Override
  public void close() {
    for (Channel ch : connections) {
      ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  InetSocketAddress server() {
    return server;
  }
}
