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
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2FrameStreamEvent;
import io.netty.handler.codec.http2.Http2RemoteFlowController;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/2 connection's requests, frame by frame on top of {@code Http2FrameCodec}: a GET is
 * answered from its HEADERS frame, a POST's DATA frames are gathered per stream (up to 65,535 bytes)
 * and answered when the stream ends. Any number of streams interleave. Per connection (it holds the
 * bodies being gathered), so not {@code @Sharable}.
 *
 * <p>Two slow-client limits of its own, checked by a sweep on the event loop every quarter of {@code
 * requestReadTimeout} (the server's header-read timeout):
 *
 * <ul>
 *   <li>a request body that has not ended within the timeout of its HEADERS (a POST that never ends) is
 *       reset (RST_STREAM CANCEL) and its buffer freed;
 *   <li>a connection whose answers have waited for flow-control window for the whole timeout (a client
 *       that never opens its window, SETTINGS_INITIAL_WINDOW_SIZE 0 or no WINDOW_UPDATE) has its streams
 *       reset and is closed with GOAWAY: the queued answers are freed, not held until the idle timeout,
 *       which the client can put off with any frame.
 * </ul>
 */
final class Http2FrameHandler extends ChannelDuplexHandler {

  private static final InternalLogger LOG = InternalLoggerFactory.getInstance(Http2FrameHandler.class);

  /** Marks a stream whose body is being discarded (already answered 413 or 415). */
  private static final ByteBuf DISCARDING = Unpooled.EMPTY_BUFFER;

  private final DohRouter router;
  private final FrontMetrics metrics;
  /** POST bodies being gathered, by stream id. */
  private final IntObjectMap<ByteBuf> bodies = new IntObjectHashMap<>(8);
  /** When each body in {@link #bodies} started, and its stream, for the body deadline. */
  private final IntObjectMap<PendingBody> pending = new IntObjectHashMap<>(8);
  private final long requestReadNanos;
  private ScheduledFuture<?> sweep;
  /** Since when answers have been waiting for window without a break; 0: none waiting. */
  private long stalledSinceNanos;
  private boolean sawRequest;

  private static final class PendingBody {
    final Http2FrameStream stream;
    final long sinceNanos;

    PendingBody(Http2FrameStream stream, long sinceNanos) {
      this.stream = stream;
      this.sinceNanos = sinceNanos;
    }
  }

  Http2FrameHandler(DohRouter router, FrontMetrics metrics, Duration requestReadTimeout) {
    this.router = router;
    this.metrics = metrics;
    this.requestReadNanos = requestReadTimeout.toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(50), requestReadNanos / 4);
    sweep = ctx.executor().scheduleAtFixedRate(() -> sweep(ctx), period, period, TimeUnit.NANOSECONDS);
  }

  private void sweep(ChannelHandlerContext ctx) {
    if (!ctx.channel().isActive()) {
      return;
    }
    long now = System.nanoTime();
    if (!pending.isEmpty()) {
      IntObjectMap<PendingBody> late = null;
      for (IntObjectMap.PrimitiveEntry<PendingBody> e : pending.entries()) {
        if (now - e.value().sinceNanos >= requestReadNanos) {
          if (late == null) {
            late = new IntObjectHashMap<>(4);
          }
          late.put(e.key(), e.value());
        }
      }
      if (late != null) {
        for (IntObjectMap.PrimitiveEntry<PendingBody> e : late.entries()) {
          forget(e.key());
          metrics.abusiveConnection("body_timeout");
          if (e.value().stream.state() != Http2Stream.State.CLOSED) {
            ctx.write(new DefaultHttp2ResetFrame(Http2Error.CANCEL).stream(e.value().stream), ctx.voidPromise());
          }
        }
        ctx.flush();
      }
    }
    Http2FrameCodec codec = ctx.pipeline().get(Http2FrameCodec.class);
    if (codec == null) {
      return;
    }
    Http2Connection connection = codec.connection();
    Http2RemoteFlowController flow = connection.remote().flowController();
    boolean[] waiting = {false};
    try {
      connection.forEachActiveStream(stream -> {
        if (flow.hasFlowControlled(stream)) {
          waiting[0] = true;
          return false;
        }
        return true;
      });
    } catch (Http2Exception e) {
      return; // the visitor throws nothing
    }
    if (!waiting[0]) {
      stalledSinceNanos = 0;
    } else if (stalledSinceNanos == 0) {
      stalledSinceNanos = now;
    } else if (now - stalledSinceNanos >= requestReadNanos) {
      metrics.abusiveConnection("stalled_window");
      LOG.debug("closing {}: answers waited {} ms for flow-control window", ctx.channel(),
          (now - stalledSinceNanos) / 1_000_000L);
      int[] ids = new int[connection.numActiveStreams()];
      int[] n = {0};
      try {
        connection.forEachActiveStream(stream -> {
          if (n[0] < ids.length) {
            ids[n[0]++] = stream.id();
          }
          return true;
        });
      } catch (Http2Exception e) {
        // the visitor throws nothing
      }
      for (int i = 0; i < n[0]; i++) {
        codec.resetStream(ctx, ids[i], Http2Error.CANCEL.code(), ctx.newPromise());
      }
      ctx.flush();
      ctx.close();
    }
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
    if (sweep != null) {
      sweep.cancel(false);
    }
    releaseBodies();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (sweep != null) {
      sweep.cancel(false);
    }
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
        startBody(frame.stream(), DISCARDING); // a body nobody asked for
      }
      return;
    }
    long declared = headers.getLong(HttpHeaderNames.CONTENT_LENGTH, -1L);
    if (router.refusePost(exchange, headers.get(HttpHeaderNames.CONTENT_TYPE), declared)) {
      if (!frame.isEndStream()) {
        startBody(frame.stream(), DISCARDING);
      }
      return;
    }
    if (frame.isEndStream()) {
      router.post(exchange, Unpooled.EMPTY_BUFFER);
      return;
    }
    // Not the declared length up front: 100 streams declaring 65,535 bytes would hold 6.5 MB per
    // connection before a byte of body came. The buffer grows as the body does (a DNS query is small).
    int initial = declared > 0 ? (int) Math.min(declared, 1_024) : 512;
    startBody(frame.stream(), ctx.alloc().buffer(initial, DohServerConfig.MAX_BODY_BYTES));
  }

  private void startBody(Http2FrameStream stream, ByteBuf body) {
    bodies.put(stream.id(), body);
    pending.put(stream.id(), new PendingBody(stream, System.nanoTime()));
  }

  /** The body of {@code id} is done with (taken or discarded): it leaves both maps, nothing released. */
  private void done(int id) {
    bodies.remove(id);
    pending.remove(id);
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
          done(id);
        }
        return;
      }
      ByteBuf data = frame.content();
      if (data.readableBytes() > DohServerConfig.MAX_BODY_BYTES - body.readableBytes()) {
        body.release();
        bodies.put(id, DISCARDING);
        router.tooLarge(new Http2Exchange(ctx, frame.stream(), metrics));
        if (frame.isEndStream()) {
          done(id);
        }
        return;
      }
      body.writeBytes(data);
      if (frame.isEndStream()) {
        done(id);
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
    pending.remove(id);
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
    pending.clear();
  }
}
