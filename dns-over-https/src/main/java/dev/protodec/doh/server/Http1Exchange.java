package dev.protodec.doh.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.EventExecutor;

/**
 * A request on an HTTP/1.1 connection: a slot in that connection's response queue, so that answers
 * completing out of order (a miss behind a hit) still go out in request order.
 */
final class Http1Exchange implements Exchange {

  private final Http1Handler connection;
  private final boolean keepAlive;
  private FullHttpResponse response;

  Http1Exchange(Http1Handler connection, boolean keepAlive) {
    this.connection = connection;
    this.keepAlive = keepAlive;
  }

  @Override
  public HttpProtocol version() {
    return HttpProtocol.HTTP_1_1;
  }

  @Override
  public EventExecutor executor() {
    return connection.context().executor();
  }

  @Override
  public ByteBufAllocator alloc() {
    return connection.context().alloc();
  }

  @Override
  public void respond(
      HttpResponseStatus status, AsciiString contentType, int maxAge, AsciiString allow, ByteBuf body, boolean flush) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    HttpHeaders headers = r.headers();
    headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    if (maxAge >= 0) {
      headers.set(HttpHeaderNames.CACHE_CONTROL, CacheControl.maxAge(maxAge));
    }
    if (allow != null) {
      headers.set(HttpHeaderNames.ALLOW, allow);
    }
    response = r;
    connection.completed(this, status, flush);
  }

  boolean keepAlive() {
    return keepAlive;
  }

  /** The response once {@link #respond} has run, else {@code null}; hands it over (once). */
  FullHttpResponse take() {
    FullHttpResponse r = response;
    response = null;
    return r;
  }

  boolean done() {
    return response != null;
  }
}
