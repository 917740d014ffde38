package dev.protodec.doh.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.util.ArrayDeque;

/**
 * One HTTP/1.1 connection's requests, each an aggregated {@link FullHttpRequest} (the aggregator in
 * front bounds bodies at 65,535 bytes). Pipelined requests are answered in order: responses wait in a
 * queue until those before them are out. Per connection, so not {@code @Sharable}.
 */
final class Http1Handler extends ChannelInboundHandlerAdapter {

  private static final InternalLogger LOG = InternalLoggerFactory.getInstance(Http1Handler.class);

  private final DohRouter router;
  private final FrontMetrics metrics;
  private final ArrayDeque<Http1Exchange> pending = new ArrayDeque<>(4);
  private ChannelHandlerContext ctx;
  /** No more requests: the server drains, or a response said {@code connection: close}. */
  private boolean closing;
  /** The connection is gone (or going): late answers are dropped. */
  private boolean closed;

  Http1Handler(DohRouter router, FrontMetrics metrics) {
    this.router = router;
    this.metrics = metrics;
  }

  ChannelHandlerContext context() {
    return ctx;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest)) {
      ctx.fireChannelRead(msg);
      return;
    }
    FullHttpRequest request = (FullHttpRequest) msg;
    try {
      HeaderReadTimeout.requestRead(ctx); // every request, not only the first
      if (closing) {
        return; // after a response that closes the connection, nothing more is read
      }
      Http1Exchange exchange = new Http1Exchange(this, HttpUtil.isKeepAlive(request));
      pending.add(exchange);
      DecoderResult result = request.decoderResult();
      if (result.isFailure()) {
        // A body over the limit leaves the codec in step (the aggregator discards the rest): 413 and
        // go on if keep-alive. Any other failure leaves the byte stream unparseable: answer and close.
        closing = !(result.cause() instanceof BoundedAggregator.BodyTooLargeException);
        DohRouter.error(exchange, failureStatus(result.cause()), null, "bad request: " + result.cause().getMessage());
        return;
      }
      CharSequence uri = request.uri();
      DohRouter.Route route =
          DohRouter.route(request.method().asciiName(), uri, request.headers().get(HttpHeaderNames.ACCEPT));
      if (route != DohRouter.Route.DNS_POST) {
        router.handle(exchange, route, uri);
      } else if (!router.refusePost(
          exchange, request.headers().get(HttpHeaderNames.CONTENT_TYPE), HttpUtil.getContentLength(request, -1L))) {
        router.post(exchange, request.content());
      }
    } finally {
      request.release(); // the router copied what it needs
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == Drain.INSTANCE) {
      closing = true;
      if (pending.isEmpty()) {
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("closing HTTP/1.1 connection {}", ctx.channel(), cause);
    ctx.close();
  }

  /** An exchange has its response: writes every response at the head of the queue that is ready. */
  void completed(Http1Exchange exchange, HttpResponseStatus status, boolean flush) {
    metrics.response(HttpProtocol.HTTP_1_1, status);
    if (closed) {
      exchange.take().release(); // answered after the connection went away
      return;
    }
    boolean wrote = false;
    while (!pending.isEmpty() && pending.peekFirst().done()) {
      Http1Exchange head = pending.pollFirst();
      FullHttpResponse response = head.take();
      if (closing && pending.isEmpty() || !head.keepAlive()) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        closing = true;
        releaseQueued();
        return;
      }
      ctx.write(response, ctx.voidPromise());
      wrote = true;
    }
    if (wrote && flush) {
      ctx.flush();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseQueued();
    ctx.fireChannelInactive();
  }

  private void releaseQueued() {
    closed = true;
    for (Http1Exchange e : pending) {
      FullHttpResponse r = e.take();
      if (r != null) {
        r.release();
      }
    }
    pending.clear();
  }

  private static HttpResponseStatus failureStatus(Throwable cause) {
    if (cause instanceof TooLongHttpHeaderException) {
      return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
    }
    if (cause instanceof TooLongHttpLineException) {
      return HttpResponseStatus.REQUEST_URI_TOO_LONG;
    }
    if (cause instanceof TooLongFrameException) {
      return HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE;
    }
    return HttpResponseStatus.BAD_REQUEST;
  }
}
