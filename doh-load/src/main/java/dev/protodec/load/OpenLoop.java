package dev.protodec.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.AbstractHttp2ConnectionHandlerBuilder;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2EventAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.AsciiString;
import io.netty.util.collection.IntObjectHashMap;
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
 * <p>HTTP/2 over TLS (ALPN h2), several connections used in turn, one Netty event loop (epoll where
 * available) that also keeps the schedule ({@link Sender}): it writes the requests on the raw HTTP/2
 * connection handler (no channel per stream) and flushes once per connection per tick. Every run opens its
 * own connections and closes them when it ends, so requests of one run still out or waiting for a stream
 * cannot delay the next. Every answer is checked: status 200 and the query's ID in the first two bytes of the
 * body; every {@code parseEvery}-th answer is also parsed as a whole DNS message and checked for its question
 * and rcode. Stops by itself: after {@code duration} of sending it waits at most {@code timeout} for the
 * answers still out, and counts those as timeouts.
 */
final class OpenLoop implements AutoCloseable {
  private static final AsciiString DNS_MESSAGE = AsciiString.cached("application/dns-message");
  /** The shortest wait between two sending ticks. */
  static final long TICK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

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
  private final InetSocketAddress server;
  private final int connectionCount;
  private final SslContext ssl;
  private final boolean epoll;

  OpenLoop(InetSocketAddress server, int connectionCount) throws IOException {
    this.server = server;
    this.connectionCount = connectionCount;
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
    // epoll where it is there, as the server uses: its timers wake the loop to the microsecond
    epoll = Epoll.isAvailable();
    group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
  }

  /**
   * Sends {@code rate} requests per second for {@code duration}, drawing {@code requests} in turn, on
   * connections of its own.
   *
   * @param post POST the wire query rather than GET it
   * @param parseEvery parse every n-th answer in full (1: all)
   * @throws IOException when a connection cannot be set up (TLS, ALPN h2, the server's SETTINGS)
   */
  Outcome run(List<Request> requests, boolean post, double rate, Duration duration, Duration timeout,
      int parseEvery) throws IOException {
    long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
    Run run = new Run(requests, post, total, parseEvery);
    List<Channel> connections = connect();
    try {
      return pace(run, connections, rate, timeout);
    } finally {
      // streams still open or still waiting for a free stream slot go with their connection
      for (Channel ch : connections) {
        ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      }
    }
  }

  private Outcome pace(Run run, List<Channel> connections, double rate, Duration timeout) {
    Connection[] handlers = connections.stream().map(ch -> ch.pipeline().get(Connection.class))
        .toArray(Connection[]::new);
    EventLoop loop = connections.get(0).eventLoop();
    Sender sender = new Sender(run, handlers, loop, Math.round(1e9 / rate));
    loop.execute(sender);
    sender.sent.syncUninterruptibly();
    long start = sender.start;
    long sendEnd = System.nanoTime();
    long deadline = sendEnd + timeout.toNanos();
    while (System.nanoTime() < deadline && !run.done()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
    }
    long end = System.nanoTime();
    // on the loop, so no answer is recorded while we count what is still out
    Outcome[] outcome = new Outcome[1];
    loop.submit(() -> {
      long timeouts = run.closeOutstanding(end);
      outcome[0] = new Outcome(rate, run.total, run.ok, run.non200, run.bad, run.failed, timeouts, run.parsed,
          (sendEnd - start) / 1e9, run.total / ((sendEnd - start) / 1e9), run.histogram.copy());
    }).syncUninterruptibly();
    return outcome[0];
  }

  /**
   * The schedule, kept on the event loop itself (no hand-off to another thread per request): each tick sends
   * every request due by then, flushes each connection it wrote to once, and schedules the next tick for when
   * the next request is due, but no sooner than {@link #TICK_NANOS}. A request leaves at most about a tick
   * after its intended time, and that delay is part of its latency.
   */
  private static final class Sender implements Runnable {
    private final Run run;
    private final Connection[] handlers;
    private final EventLoop loop;
    private final long intervalNanos;
    final Promise<Void> sent;
    long start;
    private long next;

    Sender(Run run, Connection[] handlers, EventLoop loop, long intervalNanos) {
      this.run = run;
      this.handlers = handlers;
      this.loop = loop;
      this.intervalNanos = intervalNanos;
      this.sent = loop.newPromise();
    }

    @Override
    public void run() {
      long now = System.nanoTime();
      if (start == 0) {
        start = now;
      }
      long due = Math.min(run.total, (now - start) / intervalNanos + 1);
      for (long i = next; i < due; i++) {
        handlers[(int) (i % handlers.length)].send(run, (int) i, start + i * intervalNanos);
      }
      for (long c = next; c < Math.min(due, next + handlers.length); c++) {
        handlers[(int) (c % handlers.length)].flushNow();
      }
      next = due;
      if (next >= run.total) {
        sent.setSuccess(null);
        return;
      }
      long wait = start + next * intervalNanos - System.nanoTime();
      loop.schedule(this, Math.max(TICK_NANOS, wait), TimeUnit.NANOSECONDS);
    }
  }

  /** {@link #connectionCount} connections that have negotiated h2 and received the server's SETTINGS. */
  private List<Channel> connect() throws IOException {
    Bootstrap b = new Bootstrap().group(group).channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), "localhost", server.getPort()),
                Connection.create(new Listener(ch.eventLoop().newPromise())));
          }
        });
    List<Channel> connections = new ArrayList<>();
    try {
      for (int i = 0; i < connectionCount; i++) {
        Channel ch = b.connect(server).syncUninterruptibly().channel();
        connections.add(ch);
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (!tls.handshakeFuture().awaitUninterruptibly(10, TimeUnit.SECONDS) || !tls.handshakeFuture().isSuccess()) {
          throw new IOException("TLS handshake with " + server + " failed", tls.handshakeFuture().cause());
        }
        if (!ApplicationProtocolNames.HTTP_2.equals(tls.applicationProtocol())) {
          throw new IOException(server + " did not negotiate h2 (ALPN: " + tls.applicationProtocol() + ")");
        }
        // Streams opened before the server's SETTINGS arrive are not held to its MAX_CONCURRENT_STREAMS:
        // the server refuses those past it, and refusals count against its abuse budget (GOAWAY).
        Promise<Void> settings = ch.pipeline().get(Connection.class).listener.settings;
        if (!settings.awaitUninterruptibly(10, TimeUnit.SECONDS) || !settings.isSuccess()) {
          throw new IOException(server + " sent no HTTP/2 SETTINGS within 10 s", settings.cause());
        }
      }
    } catch (IOException | RuntimeException e) {
      connections.forEach(Channel::close);
      throw e;
    }
    return connections;
  }

  /** The state of one run; touched on the event loop only (its one thread), but for {@link #done()}. */
  private static final class Run {
    final List<Request> requests;
    final boolean post;
    final long total;
    final int parseEvery;
    final long[] intended;
    final boolean[] finished;
    final Histogram histogram = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    /** Each request's headers, built before the clock starts (HPACK encodes them on every send). */
    final Http2Headers[] headers;
    volatile long completed;
    long ok;
    long non200;
    long bad;
    long failed;
    long parsed;

    Run(List<Request> requests, boolean post, long total, int parseEvery) {
      this.requests = requests;
      this.post = post;
      this.total = total;
      this.parseEvery = Math.max(1, parseEvery);
      this.intended = new long[(int) total];
      this.finished = new boolean[(int) total];
      this.headers = new Http2Headers[requests.size()];
      for (int i = 0; i < headers.length; i++) {
        Http2Headers h = new DefaultHttp2Headers().scheme("https").authority("localhost").add("accept", DNS_MESSAGE);
        if (post) {
          h.method("POST").path("/dns-query").add("content-type", DNS_MESSAGE)
              .addInt("content-length", requests.get(i).wire().length);
        } else {
          h.method("GET").path(requests.get(i).path());
        }
        headers[i] = h;
      }
    }

    boolean done() {
      return completed >= total;
    }

    void finish(int i, Kind kind) {
      if (finished[i]) {
        return;
      }
      finished[i] = true;
      switch (kind) {
        case OK -> ok++;
        case NON_200 -> non200++;
        case BAD_ANSWER -> bad++;
        case FAILED_STREAM -> failed++;
      }
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

    enum Kind { OK, NON_200, BAD_ANSWER, FAILED_STREAM }
  }

  /** A request on the wire: which one, and what has come back so far. */
  private static final class Pending {
    final Run run;
    final int index;
    final Request request;
    int status;
    ByteBuf body;

    Pending(Run run, int index, Request request) {
      this.run = run;
      this.index = index;
      this.request = request;
    }

    void complete() {
      if (status != 200) {
        run.finish(index, Run.Kind.NON_200);
      } else if (body == null || body.readableBytes() < 12 || body.getUnsignedShort(0) != request.id()) {
        run.finish(index, Run.Kind.BAD_ANSWER);
      } else if (index % run.parseEvery == 0 && !fullCheck()) {
        run.finish(index, Run.Kind.BAD_ANSWER);
      } else {
        run.finish(index, Run.Kind.OK);
      }
      release();
    }

    void fail() {
      run.finish(index, Run.Kind.FAILED_STREAM);
      release();
    }

    private void release() {
      if (body != null) {
        body.release();
        body = null;
      }
    }

    private boolean fullCheck() {
      run.parsed++;
      try {
        byte[] bytes = new byte[body.readableBytes()];
        body.getBytes(body.readerIndex(), bytes);
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
  }

  /**
   * One client connection: Netty's HTTP/2 connection handler, whose encoder holds streams past the server's
   * MAX_CONCURRENT_STREAMS until one closes (they wait in the client, still timed from their intended send
   * time, instead of being refused), and a listener that matches frames to {@link Pending} requests by stream
   * id. Flow control is returned as each DATA frame is read.
   */
  private static final class Connection extends Http2ConnectionHandler {
    final Listener listener;
    private final IntObjectHashMap<Pending> pending;
    private ChannelHandlerContext ctx;

    private Connection(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initial,
        Listener listener) {
      super(decoder, encoder, initial);
      this.listener = listener;
      this.pending = listener.pending;
    }

    static Connection create(Listener listener) {
      return new Builder(listener).frameListener(listener).build();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
      this.ctx = ctx;
      super.handlerAdded(ctx);
      connection().addListener(listener);
    }

    void send(Run run, int index, long intendedNanos) {
      run.intended[index] = intendedNanos;
      int draw = (int) (index % run.requests.size());
      Request request = run.requests.get(draw);
      Pending p = new Pending(run, index, request);
      if (!ctx.channel().isActive()) {
        p.fail();
        return;
      }
      int id = connection().local().incrementAndGetNextStreamId();
      pending.put(id, p);
      ChannelPromise written = ctx.newPromise();
      written.addListener(f -> {
        if (!f.isSuccess() && pending.remove(id) != null) {
          p.fail();
        }
      });
      if (run.post) {
        encoder().writeHeaders(ctx, id, run.headers[draw], 0, false, ctx.voidPromise());
        encoder().writeData(ctx, id, Unpooled.wrappedBuffer(request.wire()), 0, true, written);
      } else {
        encoder().writeHeaders(ctx, id, run.headers[draw], 0, true, written);
      }
    }

    void flushNow() {
      ctx.channel().flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      for (Pending p : pending.values()) {
        p.fail();
      }
      pending.clear();
      super.channelInactive(ctx);
    }

    private static final class Builder extends AbstractHttp2ConnectionHandlerBuilder<Connection, Builder> {
      private final Listener listener;

      Builder(Listener listener) {
        this.listener = listener;
        server(false);
        encoderEnforceMaxConcurrentStreams(true);
      }

      @Override
      protected Builder frameListener(io.netty.handler.codec.http2.Http2FrameListener listener) {
        return super.frameListener(listener);
      }

      @Override
      protected Connection build() {
        return super.build();
      }

      @Override
      protected Connection build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder,
          Http2Settings initial) {
        return new Connection(decoder, encoder, initial, listener);
      }
    }
  }

  /** Frames to requests: status from HEADERS, body from DATA, done at end of stream; a reset or a close fails one. */
  private static final class Listener extends Http2EventAdapter {
    /** Completed when the server's first SETTINGS frame (its MAX_CONCURRENT_STREAMS among them) has arrived. */
    final Promise<Void> settings;
    /** The requests on this connection still without a whole answer, by stream id. */
    final IntObjectHashMap<Pending> pending = new IntObjectHashMap<>();

    Listener(Promise<Void> settings) {
      this.settings = settings;
    }

    @Override
    public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings s) {
      settings.trySuccess(null);
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
        boolean endOfStream) {
      Pending p = pending.get(streamId);
      if (p == null) {
        return;
      }
      CharSequence status = headers.status();
      if (status != null) {
        p.status = Integer.parseInt(status.toString());
      }
      if (endOfStream) {
        pending.remove(streamId);
        p.complete();
      }
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
        short weight, boolean exclusive, int padding, boolean endOfStream) {
      onHeadersRead(ctx, streamId, headers, padding, endOfStream);
    }

    @Override
    public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream) {
      int consumed = data.readableBytes() + padding;
      Pending p = pending.get(streamId);
      if (p != null) {
        if (p.body == null) {
          p.body = ctx.alloc().heapBuffer(Math.max(512, data.readableBytes()));
        }
        p.body.writeBytes(data);
        if (endOfStream) {
          pending.remove(streamId);
          p.complete();
        }
      }
      return consumed;
    }

    @Override
    public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
      Pending p = pending.remove(streamId);
      if (p != null) {
        p.fail();
      }
    }

    @Override
    public void onStreamClosed(Http2Stream stream) {
      Pending p = pending.remove(stream.id());
      if (p != null) {
        p.fail();
      }
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
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  InetSocketAddress server() {
    return server;
  }
}
