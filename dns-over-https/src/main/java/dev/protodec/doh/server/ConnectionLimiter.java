package dev.protodec.doh.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open connections; one past the limit is closed as soon as it is accepted. It also puts every
 * accepted connection in the server's group, for draining. One per server.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private final ChannelGroup channels;

  ConnectionLimiter(int max, ChannelGroup channels) {
    this.max = max;
    this.channels = channels;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (open.incrementAndGet() > max) {
      ctx.close();
      return;
    }
    channels.add(ctx.channel());
    ctx.fireChannelActive();
  }

  int open() {
    return open.get();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open.decrementAndGet();
    ctx.fireChannelInactive();
  }
}
