package dev.protodec.doh.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.codec.http2.Http2StreamFrame;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;

/** Netty's own HTTP/2 client over cleartext with prior knowledge: every request a stream of one connection. */
final class PriorKnowledgeH2cClient implements AutoCloseable {

  /** A response: status and body. */
  static final class Response {
    final int status;
    final byte[] body;

    Response(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel connection;
  private final String authority;

  PriorKnowledgeH2cClient(int port) throws InterruptedException {
    authority = "127.0.0.1:" + port;
    connection =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline()
                        .addLast(Http2FrameCodecBuilder.forClient().build(), new Http2MultiplexHandler(new SimpleChannelInboundHandler<Object>() {
                          @Override
                          protected void channelRead0(ChannelHandlerContext ctx, Object msg) {}
                        }));
                  }
                })
            .connect("127.0.0.1", port)
            .sync()
            .channel();
  }

  CompletableFuture<Response> get(String pathAndQuery) {
    return send("GET", pathAndQuery, null, null);
  }

  CompletableFuture<Response> post(String path, String contentType, byte[] body) {
    return send("POST", path, contentType, body);
  }

  private CompletableFuture<Response> send(String method, String path, String contentType, byte[] body) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    new Http2StreamChannelBootstrap(connection)
        .handler(new ResponseReader(result))
        .open()
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(f.cause());
                return;
              }
              Http2StreamChannel stream = (Http2StreamChannel) f.getNow();
              Http2Headers headers =
                  new DefaultHttp2Headers().method(method).path(path).scheme("http").authority(authority);
              if (contentType != null) {
                headers.set("content-type", contentType);
              }
              stream.write(new DefaultHttp2HeadersFrame(headers, body == null));
              if (body != null) {
                stream.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
              }
              stream.flush();
            });
    return result;
  }

  @Override
  public void close() {
    connection.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static final class ResponseReader extends SimpleChannelInboundHandler<Http2StreamFrame> {
    private final CompletableFuture<Response> result;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status;

    ResponseReader(CompletableFuture<Response> result) {
      this.result = result;
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
      result.completeExceptionally(new IllegalStateException("stream closed before its response ended"));
    }
  }
}
