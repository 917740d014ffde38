package dev.protodec.doh.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The slow-client guard (Slowloris): closes a connection whose request is not read in full within a
 * deadline. It sits where it sees the connection's plaintext bytes (first in cleartext, right after the
 * {@code SslHandler} with TLS), and its timer runs:
 *
 * <ul>
 *   <li>from connect until the first request's headers are in, the TLS handshake included;
 *   <li>over HTTP/1.1, again for every later request on the connection: from the first byte that arrives
 *       while no request is being read, until that request (headers and body) is in ({@link
 *       #requestRead}). A keep-alive connection with nothing sent between requests is left to the idle
 *       timeout. Bytes of a pipelined request that came in with the one before start no timer: if the
 *       client sends nothing after them, the idle timeout closes the connection; if it sends more, the
 *       timer starts with that read.
 *   <li>over HTTP/2, until the first HEADERS only ({@link #removeFrom}); later streams are bounded by
 *       the idle timeout, the header list size and Netty's frame checks.
 * </ul>
 *
 * Closing goes through the whole pipeline, so that an HTTP/2 codec sends GOAWAY first.
 */
final class HeaderReadTimeout extends ChannelInboundHandlerAdapter {

  static final String NAME = "header-read-timeout";

  private final long timeoutNanos;
  private ScheduledFuture<?> timer;

  HeaderReadTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /** An HTTP/1.1 request is read in full: stops the timer until the next request's first bytes. */
  static void requestRead(ChannelHandlerContext ctx) {
    ChannelHandlerContext own = ctx.pipeline().context(NAME);
    if (own != null) {
      ((HeaderReadTimeout) own.handler()).stop();
    }
  }

  /** HTTP/2's first request headers are in: the guard goes for good. */
  static void removeFrom(ChannelHandlerContext ctx) {
    if (ctx.pipeline().context(NAME) != null) {
      ctx.pipeline().remove(NAME);
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    start(ctx); // before passing it on: a request completed by these very bytes stops the timer again
    ctx.fireChannelRead(msg);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    stop();
  }

  private void start(ChannelHandlerContext ctx) {
    if (timer == null) {
      timer = ctx.executor().schedule(() -> {
        ctx.channel().close();
      }, timeoutNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void stop() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
