package dev.protodec.doh.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.EventExecutor;

/**
 * A request on one HTTP/2 stream: the response is a HEADERS frame and a DATA frame that ends the
 * stream, or nothing when the client has reset the stream meanwhile.
 */
final class Http2Exchange implements Exchange {

  private final ChannelHandlerContext ctx;
  private final Http2FrameStream stream;
  private final FrontMetrics metrics;

  Http2Exchange(ChannelHandlerContext ctx, Http2FrameStream stream, FrontMetrics metrics) {
    this.ctx = ctx;
    this.stream = stream;
    this.metrics = metrics;
  }

  @Override
  public HttpProtocol version() {
    return HttpProtocol.HTTP_2;
  }

  @Override
  public EventExecutor executor() {
    return ctx.executor();
  }

  @Override
  public ByteBufAllocator alloc() {
    return ctx.alloc();
  }

  @Override
  public void respond(
      HttpResponseStatus status, AsciiString contentType, int maxAge, AsciiString allow, ByteBuf body, boolean flush) {
    if (stream.state() == Http2Stream.State.CLOSED) {
      // The client reset the stream while its answer was being resolved. Writing on a stream the codec
      // no longer knows fails, and through the void promise that failure reached the codec as a
      // connection error: GOAWAY(PROTOCOL_ERROR) for every other stream of the connection.
      body.release();
      return;
    }
    Http2Headers headers =
        new DefaultHttp2Headers(false, 4)
            .status(status.codeAsText())
            .set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    if (maxAge >= 0) {
      headers.set(HttpHeaderNames.CACHE_CONTROL, CacheControl.maxAge(maxAge));
    }
    if (allow != null) {
      headers.set(HttpHeaderNames.ALLOW, allow);
    }
    ctx.write(new DefaultHttp2HeadersFrame(headers).stream(stream), ctx.voidPromise());
    ctx.write(new DefaultHttp2DataFrame(body, true).stream(stream), ctx.voidPromise());
    if (flush) {
      ctx.flush();
    }
    metrics.response(HttpProtocol.HTTP_2, status);
  }
}
