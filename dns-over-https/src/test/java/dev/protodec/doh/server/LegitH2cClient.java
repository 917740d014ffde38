package dev.protodec.doh.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A well-behaved h2c client (Netty's own, prior knowledge) for load beside attacks and faults: every
 * request a stream on one connection, its own. It does what real clients do on GOAWAY and on a closed
 * connection: a request the server never took (the stream could not be opened, or its HEADERS could not
 * be written) is sent again on a new connection; a request the server took and did not answer is a
 * failure. Reconnections and retries are counted.
 */
final class LegitH2cClient implements AutoCloseable {

  /** An answer: status and body. */
  static final class Response {
    final int status;
    final byte[] body;

    Response(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }
  }

  private static final AttributeKey<Boolean> GOING_AWAY = AttributeKey.valueOf("legit-going-away");

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final int port;
  private final String authority;
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger retries = new AtomicInteger();
  private volatile Channel connection;

  LegitH2cClient(int port) throws InterruptedException {
    this.port = port;
    this.authority = "127.0.0.1:" + port;
    connection();
  }

  /** Connections opened so far (1 if the first was never lost). */
  int connections() {
    return connections.get();
  }

  int retries() {
    return retries.get();
  }

  private synchronized Channel connection() throws InterruptedException {
    Channel c = connection;
    if (c != null && c.isActive() && !Boolean.TRUE.equals(c.attr(GOING_AWAY).get())) {
      return c;
    }
    InterruptedException interrupted = null;
    RuntimeException last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        c = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
            .handler(new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                // a stall on the server must not look like a dead connection: streams past its
                // MAX_CONCURRENT_STREAMS wait here (and are timed from their due time)
                ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().encoderEnforceMaxConcurrentStreams(true).build(),
                    new Http2MultiplexHandler(new SimpleChannelInboundHandler<Object>() {
                      @Override
                      protected void channelRead0(ChannelHandlerContext ctx, Object msg) {}
                    }),
                    new ChannelInboundHandlerAdapter() {
                      @Override
                      public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        if (msg instanceof Http2GoAwayFrame) {
                          ctx.channel().attr(GOING_AWAY).set(true);
                        }
                        ReferenceCountUtil.release(msg);
                      }

                      @Override
                      public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                      }
                    });
              }
            })
            .connect("127.0.0.1", port)
            .sync()
            .channel();
        connections.incrementAndGet();
        connection = c;
        return c;
      } catch (RuntimeException e) { // connect refused or reset (a listener going away)
        last = e;
        Thread.sleep(20);
      }
    }
    throw last;
  }

  CompletableFuture<Response> get(String pathAndQuery) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    send(pathAndQuery, result, 0);
    return result;
  }

  private void send(String path, CompletableFuture<Response> result, int attempt) {
    Channel c;
    try {
      c = connection();
    } catch (Exception e) {
      result.completeExceptionally(e);
      return;
    }
    ResponseReader reader = new ResponseReader(result, () -> retry(c, path, result, attempt, new IllegalStateException("refused by GOAWAY")));
    new Http2StreamChannelBootstrap(c).handler(reader).open().addListener(f -> {
      if (!f.isSuccess()) {
        retry(c, path, result, attempt, f.cause());
        return;
      }
      Http2StreamChannel stream = (Http2StreamChannel) f.getNow();
      Http2Headers headers = new DefaultHttp2Headers().method("GET").path(path).scheme("http").authority(authority);
      stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, true)).addListener(w -> {
        if (!w.isSuccess()) {
          reader.abandon();
          retry(c, path, result, attempt, w.cause());
        }
      });
    });
  }

  /** The server never saw this request (no stream, or its HEADERS not written): again, on a new connection. */
  private void retry(Channel dead, String path, CompletableFuture<Response> result, int attempt, Throwable cause) {
    dead.attr(GOING_AWAY).set(true);
    if (attempt >= 5) {
      result.completeExceptionally(cause);
      return;
    }
    retries.incrementAndGet();
    // off the event loop: connecting blocks
    CompletableFuture.runAsync(() -> send(path, result, attempt + 1));
  }

  @Override
  public void close() {
    Channel c = connection;
    if (c != null) {
      c.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static final class ResponseReader extends SimpleChannelInboundHandler<Http2StreamFrame> {
    private final CompletableFuture<Response> result;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;
    private final Runnable onRefused;
    private volatile boolean abandoned;

    ResponseReader(CompletableFuture<Response> result, Runnable onRefused) {
      this.result = result;
      this.onRefused = onRefused;
    }

    /** GOAWAY whose last stream is below ours: the server never took this request; safe to send again. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof Http2GoAwayFrame) {
        Http2GoAwayFrame goAway = (Http2GoAwayFrame) evt;
        int id = ((Http2StreamChannel) ctx.channel()).stream().id();
        boolean refused = id > goAway.lastStreamId();
        goAway.release();
        if (refused && !abandoned) {
          abandoned = true;
          onRefused.run();
        }
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    void abandon() {
      abandoned = true;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Http2StreamFrame frame) {
      boolean end = false;
      if (frame instanceof Http2HeadersFrame) {
        status = Integer.parseInt(((Http2HeadersFrame) frame).headers().status().toString());
        end = ((Http2HeadersFrame) frame).isEndStream();
      } else if (frame instanceof Http2DataFrame) {
        Http2DataFrame data = (Http2DataFrame) frame;
        body.writeBytes(ByteBufUtil.getBytes(data.content()));
        end = data.isEndStream();
      }
      if (end) {
        result.complete(new Response(status, body.toByteArray()));
        ctx.close();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!abandoned) {
        result.completeExceptionally(new IllegalStateException("stream closed before its answer ended"));
      }
    }
  }
}
