package dev.protodec.doh.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose first request headers have not arrived within a deadline from connect
 * (the TLS handshake included): the slow-client guard. The HTTP handlers call {@link #satisfied} on
 * their first request, which removes this handler; later requests are bounded by the idle timeout.
 */
final class HeaderReadTimeout extends ChannelInboundHandlerAdapter {

  static final String NAME = "header-read-timeout";

  private final long timeoutNanos;
  private ScheduledFuture<?> timer;

  HeaderReadTimeout(Duration timeout) {
    this.timeoutNanos = timeout.toNanos();
  }

  /** The first request's headers are in: stops the timer (once per connection). */
  static void satisfied(ChannelHandlerContext ctx) {
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
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  private void start(ChannelHandlerContext ctx) {
    if (timer == null) {
      Runnable close = ctx::close;
      timer = ctx.executor().schedule(close, timeoutNanos, TimeUnit.NANOSECONDS);
    }
  }
}
