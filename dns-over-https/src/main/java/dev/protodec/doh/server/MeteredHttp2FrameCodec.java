package dev.protodec.doh.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2Stream;

/**
 * {@code Http2FrameCodec} that counts the 431 Netty itself answers when a request's header list is
 * larger than SETTINGS_MAX_HEADER_LIST_SIZE (the request never reaches our handler).
 */
final class MeteredHttp2FrameCodec extends Http2FrameCodec {

  private final FrontMetrics metrics;

  private MeteredHttp2FrameCodec(
      Http2ConnectionEncoder encoder,
      Http2ConnectionDecoder decoder,
      Http2Settings settings,
      boolean decoupleCloseAndGoAway,
      boolean flushPreface,
      FrontMetrics metrics) {
    super(encoder, decoder, settings, decoupleCloseAndGoAway, flushPreface);
    this.metrics = metrics;
  }

  @Override
  protected void handleServerHeaderDecodeSizeError(ChannelHandlerContext ctx, Http2Stream stream) {
    metrics.response(HttpProtocol.HTTP_2, HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
    super.handleServerHeaderDecodeSizeError(ctx, stream);
  }

  /** The server-side builder: everything {@code Http2FrameCodecBuilder.forServer()} offers. */
  static final class Builder extends Http2FrameCodecBuilder {
    private final FrontMetrics metrics;

    Builder(FrontMetrics metrics) {
      this.metrics = metrics;
      server(true);
    }

    @Override
    protected Http2FrameCodec build(
        Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initialSettings) {
      MeteredHttp2FrameCodec codec = new MeteredHttp2FrameCodec(
          encoder, decoder, initialSettings, decoupleCloseAndGoAway(), flushPreface(), metrics);
      codec.gracefulShutdownTimeoutMillis(gracefulShutdownTimeoutMillis());
      return codec;
    }
  }
}
