package dev.protodec.doh.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.EventExecutor;

/**
 * One request's way back to its client, whatever the HTTP version: {@link DohRouter} answers through
 * it. {@link #respond} must be called on {@link #executor()}, exactly once.
 */
interface Exchange {

  HttpProtocol version();

  /** The connection's event loop. */
  EventExecutor executor();

  ByteBufAllocator alloc();

  /**
   * Sends the response; takes ownership of {@code body}.
   *
   * @param maxAge seconds for {@code cache-control: max-age}, or negative for none
   * @param allow the {@code allow} header of a 405, or {@code null}
   * @param flush whether to flush now; false when the reply was produced while reading, so the
   *     handler's {@code channelReadComplete} flushes it with the others of that read
   */
  void respond(
      HttpResponseStatus status,
      AsciiString contentType,
      int maxAge,
      AsciiString allow,
      ByteBuf body,
      boolean flush);
}
