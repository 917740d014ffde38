package dev.protodec.doh.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;

/**
 * {@code Http2FrameCodec} that counts the 431 Netty itself answers when a request's header list is
 * larger than SETTINGS_MAX_HEADER_LIST_SIZE (the request never reaches our handler), and that bounds
 * the stream errors a client may cause:
 *
 * <ul>
 *   <li>every stream error the server answers on a client's behalf (RST_STREAM for REFUSED_STREAM past
 *       MAX_CONCURRENT_STREAMS, FLOW_CONTROL_ERROR for a WINDOW_UPDATE overflow, PROTOCOL_ERROR for a
 *       zero increment, STREAM_CLOSED for frames on a closed stream: MadeYouReset, CVE-2025-8671) counts
 *       against a budget the size of the one for the client's own RST_STREAM frames, {@code
 *       maxStreamErrors} per window. In place of Netty's {@code encoderEnforceMaxRstFramesPerWindow},
 *       which closes the channel right after its GOAWAY (so the client often never reads why) and does
 *       not see refused streams (reset through the bare frame writer);
 *   <li>a client that sends more than {@link #MAX_OVERSIZED_HEADER_LISTS} header lists over the limit
 *       (an HPACK bomb: one large entry in the dynamic table referenced a thousand times) is disconnected:
 *       Netty answers each with 431 and keeps the connection otherwise.
 * </ul>
 *
 * Past either, the connection gets GOAWAY(ENHANCE_YOUR_CALM) and is closed, as Netty's own limits do.
 */
final class MeteredHttp2FrameCodec extends Http2FrameCodec {

  /** Header lists over SETTINGS_MAX_HEADER_LIST_SIZE one connection may send before it is closed. */
  static final int MAX_OVERSIZED_HEADER_LISTS = 8;

  private final FrontMetrics metrics;
  private final int maxStreamErrors;
  private final long windowNanos;
  private long windowStartNanos = System.nanoTime();
  private int streamErrors;
  private int oversizedHeaderLists;
  private boolean calmed;

  private MeteredHttp2FrameCodec(
      Http2ConnectionEncoder encoder,
      Http2ConnectionDecoder decoder,
      Http2Settings settings,
      boolean decoupleCloseAndGoAway,
      boolean flushPreface,
      FrontMetrics metrics,
      int maxStreamErrors,
      long windowNanos) {
    super(encoder, decoder, settings, decoupleCloseAndGoAway, flushPreface);
    this.metrics = metrics;
    this.maxStreamErrors = maxStreamErrors;
    this.windowNanos = windowNanos;
  }

  @Override
  protected void handleServerHeaderDecodeSizeError(ChannelHandlerContext ctx, Http2Stream stream) {
    metrics.response(HttpProtocol.HTTP_2, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    super.handleServerHeaderDecodeSizeError(ctx, stream);
    if (++oversizedHeaderLists > MAX_OVERSIZED_HEADER_LISTS) {
      calm(ctx, "more than " + MAX_OVERSIZED_HEADER_LISTS + " header lists over the limit", "oversized_headers");
    }
  }

  @Override
  public void onError(ChannelHandlerContext ctx, boolean outbound, Throwable cause) {
    Http2Exception embedded = Http2CodecUtilAccess.embedded(cause);
    if (!outbound && !calmed && embedded instanceof Http2Exception.StreamException) {
      long now = System.nanoTime();
      if (now - windowStartNanos >= windowNanos) {
        windowStartNanos = now;
        streamErrors = 0;
      }
      if (++streamErrors > maxStreamErrors) {
        calm(ctx, "more than " + maxStreamErrors + " stream errors in a window", "stream_errors");
        return;
      }
    }
    super.onError(ctx, outbound, cause);
  }

  private void calm(ChannelHandlerContext ctx, String why, String reason) {
    if (calmed) {
      return;
    }
    calmed = true;
    metrics.abusiveConnection(reason);
    super.onError(ctx, false, Http2Exception.connectionError(Http2Error.ENHANCE_YOUR_CALM, "%s", why));
  }

  /** Finds the Http2Exception in a cause chain (Netty's own helper is package-private). */
  private static final class Http2CodecUtilAccess {
    static Http2Exception embedded(Throwable cause) {
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof Http2Exception) {
          return (Http2Exception) t;
        }
      }
      return null;
    }
  }

  /** The server-side builder: everything {@code Http2FrameCodecBuilder.forServer()} offers. */
  static final class Builder extends Http2FrameCodecBuilder {
    private final FrontMetrics metrics;
    private final int maxStreamErrors;
    private final long windowNanos;

    Builder(FrontMetrics metrics, int maxStreamErrors, java.time.Duration window) {
      this.metrics = metrics;
      this.maxStreamErrors = maxStreamErrors;
      this.windowNanos = window.toNanos();
      server(true);
    }

    @Override
    protected Http2FrameCodec build(
        Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initialSettings) {
      MeteredHttp2FrameCodec codec = new MeteredHttp2FrameCodec(
          encoder, decoder, initialSettings, decoupleCloseAndGoAway(), flushPreface(), metrics,
          maxStreamErrors, windowNanos);
      codec.gracefulShutdownTimeoutMillis(gracefulShutdownTimeoutMillis());
      return codec;
    }
  }
}
