package dev.protodec.doh.server;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a connection when the {@code IdleStateHandler} before it reports it idle, from the tail of the
 * pipeline so that HTTP/2 says GOAWAY before the close. Stateless.
 */
@Sharable
final class IdleCloser extends ChannelInboundHandlerAdapter {

  static final IdleCloser INSTANCE = new IdleCloser();

  private IdleCloser() {}

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      ctx.channel().close(); // through the whole pipeline: an HTTP/2 codec sends GOAWAY first
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }
}
