package dev.protodec.doh.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;

/**
 * HTTP/1.1 bodies up to 65,535 bytes. Past that, Netty's aggregator would write its 413 itself, at
 * once, ahead of the answers still owed to earlier pipelined requests; instead the oversized request
 * goes on to {@link Http1Handler} as a failed request ({@link BodyTooLargeException}), which answers
 * 413 in its turn. The rest of the body is read and discarded, and the connection goes on if the
 * request was keep-alive, as Netty's own 413 did. The same for {@code expect: 100-continue} with a
 * declared length over the limit.
 */
final class BoundedAggregator extends HttpObjectAggregator {

  /** The failure an oversized request carries: unlike other decoder failures the connection can go on. */
  static final class BodyTooLargeException extends TooLongFrameException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
      super(message);
    }
  }

  BoundedAggregator() {
    super(DohServerConfig.MAX_BODY_BYTES);
  }

  @Override
  protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    if (HttpUtil.is100ContinueExpected(start) && HttpUtil.getContentLength(start, -1L) > maxContentLength) {
      return null; // the 413 goes through handleOversizedMessage, in order
    }
    return super.newContinueResponse(start, maxContentLength, pipeline);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    if (!(oversized instanceof HttpRequest)) {
      ctx.close(); // cannot happen on a server; nothing sensible to answer
      return;
    }
    HttpRequest request = (HttpRequest) oversized;
    FullHttpRequest failed =
        new DefaultFullHttpRequest(
            request.protocolVersion(), request.method(), request.uri(), Unpooled.EMPTY_BUFFER,
            request.headers().copy(), EmptyHttpHeaders.INSTANCE);
    failed.setDecoderResult(
        DecoderResult.failure(new BodyTooLargeException("body over " + maxContentLength() + " bytes")));
    ctx.fireChannelRead(failed); // the aggregator releases the oversized message itself
  }
}
