package dev.protodec.doh.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/** HTTP/1.1 bodies up to 65,535 bytes; past that the aggregator answers 413 itself, and this counts it. */
final class BoundedAggregator extends HttpObjectAggregator {

  private final FrontMetrics metrics;

  BoundedAggregator(FrontMetrics metrics) {
    super(DohServerConfig.MAX_BODY_BYTES);
    this.metrics = metrics;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    metrics.response(HttpProtocol.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE);
    super.handleOversizedMessage(ctx, oversized);
  }
}
