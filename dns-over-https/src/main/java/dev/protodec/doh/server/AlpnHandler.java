package dev.protodec.doh.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;

/** After the TLS handshake, sets up HTTP/2 or HTTP/1.1 as ALPN chose (HTTP/1.1 when the client offered neither). */
final class AlpnHandler extends ApplicationProtocolNegotiationHandler {

  private final DohInitializer initializer;

  AlpnHandler(DohInitializer initializer) {
    super(ApplicationProtocolNames.HTTP_1_1);
    this.initializer = initializer;
  }

  @Override
  protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
    if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
      initializer.configureHttp2(ctx.pipeline());
    } else if (ApplicationProtocolNames.HTTP_1_1.equals(protocol)) {
      initializer.configureHttp1(ctx.pipeline());
    } else {
      ctx.close(); // NO_ADVERTISE means we never get here; closing is the safe answer if we do
    }
  }
}
