package dev.protodec.doh.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2GoAwayFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameStreamEvent;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

/**
 * One HTTP/2 connection's requests, frame by frame on top of {@code Http2FrameCodec}: a GET is
 * answered from its HEADERS frame, a POST's DATA frames are gathered per stream (up to 65,535 bytes)
 * and answered when the stream ends. Any number of streams interleave. Per connection (it holds the
 * bodies being gathered), so not {@code @Sharable}.
 */
final class Http2FrameHandler extends ChannelDuplexHandler {

  private static final InternalLogger LOG = InternalLoggerFactory.getInstance(Http2FrameHandler.class);

  /** Marks a stream whose body is being discarded (already answered 413 or 415). */
  private static final ByteBuf DISCARDING = Unpooled.EMPTY_BUFFER;

  private final DohRouter router;
  private final FrontMetrics metrics;
  /** POST bodies being gathered, by stream id. */
  private final IntObjectMap<ByteBuf> bodies = new IntObjectHashMap<>(8);
  private boolean sawRequest;

  Http2FrameHandler(DohRouter router, FrontMetrics metrics) {
    this.router = router;
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Http2HeadersFrame) {
      onHeaders(ctx, (Http2HeadersFrame) msg);
    } else if (msg instanceof Http2DataFrame) {
      onData(ctx, (Http2DataFrame) msg);
    } else if (msg instanceof Http2ResetFrame) {
      onReset((Http2ResetFrame) msg);
    } else {
      ReferenceCountUtil.release(msg); // settings, pings, priority: the codec has acted on them
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == Drain.INSTANCE) {
      ctx.writeAndFlush(new DefaultHttp2GoAwayFrame(Http2Error.NO_ERROR));
      return;
    }
    if (evt instanceof Http2FrameStreamEvent) {
      Http2FrameStreamEvent event = (Http2FrameStreamEvent) evt;
      if (event.type() == Http2FrameStreamEvent.Type.State && event.stream().state() == Http2Stream.State.CLOSED) {
        forget(event.stream().id());
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseBodies();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releaseBodies();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (isHttp2Error(cause)) {
      // The codec tells us of a connection error it is already answering with GOAWAY (its own code:
      // ENHANCE_YOUR_CALM for rapid reset, PROTOCOL_ERROR, ...) and a close. Closing here as well would
      // get in first and send GOAWAY(NO_ERROR) instead, hiding from the client why it was cut off.
      LOG.debug("HTTP/2 connection error on {}", ctx.channel(), cause);
      return;
    }
    LOG.debug("closing HTTP/2 connection {}", ctx.channel(), cause);
    ctx.close();
  }

  private static boolean isHttp2Error(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof Http2Exception) {
        return true;
      }
    }
    return false;
  }

  private void onHeaders(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
    if (!sawRequest) {
      sawRequest = true;
      HeaderReadTimeout.removeFrom(ctx);
    }
    Http2Headers headers = frame.headers();
    Http2Exchange exchange = new Http2Exchange(ctx, frame.stream(), metrics);
    CharSequence path = headers.path();
    CharSequence method = headers.method();
    if (path == null || method == null) {
      DohRouter.error(exchange, HttpResponseStatus.BAD_REQUEST, null, "missing :path or :method");
      return;
    }
    DohRouter.Route route =
        DohRouter.route(method, path, headers.get(HttpHeaderNames.ACCEPT));
    if (route != DohRouter.Route.DNS_POST) {
      router.handle(exchange, route, path);
      if (!frame.isEndStream()) {
        bodies.put(frame.stream().id(), DISCARDING); // a body nobody asked for
      }
      return;
    }
    long declared = headers.getLong(HttpHeaderNames.CONTENT_LENGTH, -1L);
    if (router.refusePost(exchange, headers.get(HttpHeaderNames.CONTENT_TYPE), declared)) {
      if (!frame.isEndStream()) {
        bodies.put(frame.stream().id(), DISCARDING);
      }
      return;
    }
    if (frame.isEndStream()) {
      router.post(exchange, Unpooled.EMPTY_BUFFER);
      return;
    }
    int initial = declared > 0 ? (int) declared : 512;
    bodies.put(frame.stream().id(), ctx.alloc().buffer(initial, DohServerConfig.MAX_BODY_BYTES));
  }

  private void onData(ChannelHandlerContext ctx, Http2DataFrame frame) {
    int id = frame.stream().id();
    try {
      // Hand the bytes back to flow control at once: the body is bounded by the 65,535-byte limit.
      ctx.write(new DefaultHttp2WindowUpdateFrame(frame.initialFlowControlledBytes()).stream(frame.stream()),
          ctx.voidPromise());
      ByteBuf body = bodies.get(id);
      if (body == null || body == DISCARDING) {
        if (frame.isEndStream()) {
          bodies.remove(id);
        }
        return;
      }
      ByteBuf data = frame.content();
      if (data.readableBytes() > DohServerConfig.MAX_BODY_BYTES - body.readableBytes()) {
        body.release();
        bodies.put(id, DISCARDING);
        router.tooLarge(new Http2Exchange(ctx, frame.stream(), metrics));
        if (frame.isEndStream()) {
          bodies.remove(id);
        }
        return;
      }
      body.writeBytes(data);
      if (frame.isEndStream()) {
        bodies.remove(id);
        try {
          router.post(new Http2Exchange(ctx, frame.stream(), metrics), body);
        } finally {
          body.release();
        }
      }
    } finally {
      frame.release(); // its bytes are copied into the body or not wanted
    }
  }

  private void onReset(Http2ResetFrame frame) {
    forget(frame.stream().id());
  }

  private void forget(int id) {
    ByteBuf body = bodies.remove(id);
    if (body != null && body != DISCARDING) {
      body.release();
    }
  }

  private void releaseBodies() {
    for (ByteBuf body : bodies.values()) {
      if (body != DISCARDING) {
        body.release();
      }
    }
    bodies.clear();
  }
}
