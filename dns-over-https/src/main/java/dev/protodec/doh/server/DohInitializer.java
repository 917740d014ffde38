package dev.protodec.doh.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import java.util.concurrent.TimeUnit;

/**
 * Builds each accepted connection's pipeline, one method per variant, in the shape of Netty's {@code
 * Http2ServerInitializer}: {@link #configureSsl} (TLS, then ALPN picks {@link #configureHttp2} or
 * {@link #configureHttp1}) or {@link #configureClearText} (HTTP/1.1, h2c by prior knowledge or by
 * upgrade). Every variant starts with the connection limit and the idle timeout; the header-read
 * timeout comes where it sees plaintext bytes (after the {@code SslHandler} with TLS).
 */
final class DohInitializer extends ChannelInitializer<SocketChannel> {

  /** Longest request line (path and query) accepted over HTTP/1.1; a GET's query fits easily. */
  private static final int MAX_INITIAL_LINE = 8192;
  /** SETTINGS_INITIAL_WINDOW_SIZE: one whole request body (a DNS message is at most 65,535 bytes). */
  static final int INITIAL_WINDOW = DohServerConfig.MAX_BODY_BYTES;
  /** Replies (SETTINGS/PING ACK, RST_STREAM) queued unflushed to a client that does not read them. */
  static final int MAX_QUEUED_CONTROL_FRAMES = 1_000;
  /** DATA frames in a row with no payload and no END_STREAM (CVE-2019-9518). */
  static final int MAX_CONSECUTIVE_EMPTY_DATA_FRAMES = 2;
  /** CONTINUATION frames in a row smaller than 16 bytes, zero-length included (CVE-2026-33871). */
  static final int MAX_SMALL_CONTINUATION_FRAMES = 16;

  private final DohServerConfig config;
  private final SslContext ssl;
  private final DohRouter router;
  private final FrontMetrics metrics;
  private final ConnectionLimiter limiter;

  DohInitializer(
      DohServerConfig config, SslContext ssl, DohRouter router, FrontMetrics metrics, ConnectionLimiter limiter) {
    this.config = config;
    this.ssl = ssl;
    this.router = router;
    this.metrics = metrics;
    this.limiter = limiter;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast(limiter);
    p.addLast(new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    p.addLast(IdleCloser.INSTANCE);
    if (ssl != null) {
      configureSsl(ch);
    } else {
      configureClearText(ch);
    }
  }

  /** TLS, then HTTP/2 or HTTP/1.1 by ALPN. */
  private void configureSsl(SocketChannel ch) {
    SslHandler handler = ssl.newHandler(ch.alloc());
    handler.setHandshakeTimeout(config.headerReadTimeout().toMillis(), TimeUnit.MILLISECONDS);
    ch.pipeline().addLast(handler);
    ch.pipeline().addLast(HeaderReadTimeout.NAME, new HeaderReadTimeout(config.headerReadTimeout()));
    ch.pipeline().addLast(new AlpnHandler(this));
  }

  /**
   * Cleartext: an HTTP/2 preface goes straight to HTTP/2 (prior knowledge); an HTTP/1.1 request with
   * {@code upgrade: h2c} is upgraded (and answered on stream 1); any other request stays HTTP/1.1.
   */
  private void configureClearText(SocketChannel ch) {
    HttpServerCodec sourceCodec = newHttp1Codec();
    HttpServerUpgradeHandler upgradeHandler =
        new HttpServerUpgradeHandler(sourceCodec, this::upgradeCodec, DohServerConfig.MAX_BODY_BYTES);
    ChannelPipeline p = ch.pipeline();
    p.addLast(HeaderReadTimeout.NAME, new HeaderReadTimeout(config.headerReadTimeout()));
    p.addLast(new CleartextHttp2ServerUpgradeHandler(sourceCodec, upgradeHandler, new PriorKnowledge()));
    p.addLast(new StayOnHttp1());
  }

  /** HTTP/2: the frame codec with our limits, then the frame handler. */
  void configureHttp2(ChannelPipeline p) {
    p.addLast(newHttp2Codec(), newHttp2Handler());
  }

  /** HTTP/1.1: codec, aggregator (bodies up to 65,535 bytes), handler. */
  void configureHttp1(ChannelPipeline p) {
    p.addLast(newHttp1Codec(), new BoundedAggregator(), new Http1Handler(router, metrics));
  }

  private HttpServerUpgradeHandler.UpgradeCodec upgradeCodec(CharSequence protocol) {
    if (AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)) {
      return new Http2ServerUpgradeCodec(newHttp2Codec(), newHttp2Handler());
    }
    return null;
  }

  /**
   * The HTTP/2 codec and every limit Netty offers, set explicitly (see the package documentation for
   * why each): streams, header list, RST_STREAM received and sent, queued control frames, empty DATA,
   * small CONTINUATION frames, and our own control-frame budget hooked in as the frame logger.
   */
  private Http2FrameCodec newHttp2Codec() {
    Http2Settings settings =
        Http2Settings.defaultSettings()
            .maxConcurrentStreams(config.maxConcurrentStreams())
            .maxHeaderListSize(config.maxHeaderListSize())
            .initialWindowSize(INITIAL_WINDOW)
            .maxFrameSize(Http2CodecUtil.DEFAULT_MAX_FRAME_SIZE);
    int rstWindowSeconds = (int) config.rstWindow().toSeconds();
    return new MeteredHttp2FrameCodec.Builder(metrics, config.maxRstFramesPerWindow(), config.rstWindow())
        .initialSettings(settings)
        .decoderEnforceMaxRstFramesPerWindow(config.maxRstFramesPerWindow(), rstWindowSeconds)
        .encoderEnforceMaxQueuedControlFrames(MAX_QUEUED_CONTROL_FRAMES)
        .decoderEnforceMaxConsecutiveEmptyDataFrames(MAX_CONSECUTIVE_EMPTY_DATA_FRAMES)
        .decoderEnforceMaxSmallContinuationFrames(MAX_SMALL_CONTINUATION_FRAMES)
        .frameLogger(new ControlFrameBudget(config.maxControlFramesPerSecond(), metrics))
        .gracefulShutdownTimeoutMillis(config.drainTimeout().toMillis())
        .validateHeaders(true)
        .build();
  }

  private ChannelHandler newHttp2Handler() {
    return new Http2FrameHandler(router, metrics, config.headerReadTimeout());
  }

  private HttpServerCodec newHttp1Codec() {
    return new HttpServerCodec(MAX_INITIAL_LINE, config.maxHeaderListSize(), 8192);
  }

  /** Installed in place of the cleartext upgrade handler when a client starts with the HTTP/2 preface. */
  private final class PriorKnowledge extends ChannelInitializer<io.netty.channel.Channel> {
    @Override
    protected void initChannel(io.netty.channel.Channel ch) {
      configureHttp2(ch.pipeline());
    }
  }

  /** Reached only by a cleartext HTTP/1.1 request that asked for no upgrade: sets up HTTP/1.1 for good. */
  private final class StayOnHttp1 extends SimpleChannelInboundHandler<HttpMessage> {
    StayOnHttp1() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpMessage msg) {
      ChannelPipeline p = ctx.pipeline();
      p.addAfter(ctx.name(), null, new Http1Handler(router, metrics));
      p.replace(this, null, new BoundedAggregator());
      ctx.fireChannelRead(msg); // ownership passes on
    }
  }
}
