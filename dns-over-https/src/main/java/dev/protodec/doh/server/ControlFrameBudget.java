package dev.protodec.doh.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Flags;
import io.netty.handler.codec.http2.Http2FrameLogger;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.logging.LogLevel;
import io.netty.util.internal.PlatformDependent;

/**
 * A per-connection budget of HTTP/2 frames that carry no request: SETTINGS (and their ACKs), PING (and
 * ACKs), PRIORITY, WINDOW_UPDATE and frames of unknown type, at most {@code maxPerSecond} in any
 * one-second window. Netty bounds the replies it <em>queues</em> to such frames
 * ({@code encoderEnforceMaxQueuedControlFrames}) but not how many a client that reads its replies may
 * send; each costs a decode, a listener call and often a reply (CVE-2019-9512 ping flood,
 * CVE-2019-9515 settings flood, CVE-2019-9513 priority churn). Past the budget the frame reader fails
 * with a connection error {@code ENHANCE_YOUR_CALM}, which the codec answers as it does its own
 * limits: GOAWAY with that code, then close.
 *
 * <p>It hooks in as the codec's {@code Http2FrameLogger}, the one place {@code Http2FrameCodecBuilder}
 * offers where every inbound frame is seen before it is acted on; nothing is logged. One per connection
 * (per codec), used on its event loop only.
 */
final class ControlFrameBudget extends Http2FrameLogger {

  private final int maxPerSecond;
  private final FrontMetrics metrics;
  private long windowStartNanos = System.nanoTime();
  private int inWindow;

  ControlFrameBudget(int maxPerSecond, FrontMetrics metrics) {
    super(LogLevel.TRACE, ControlFrameBudget.class);
    this.maxPerSecond = maxPerSecond;
    this.metrics = metrics;
  }

  @Override
  public boolean isEnabled() {
    return false;
  }

  private void count(Direction direction, String what) {
    if (direction != Direction.INBOUND) {
      return;
    }
    long now = System.nanoTime();
    if (now - windowStartNanos >= 1_000_000_000L) {
      windowStartNanos = now;
      inWindow = 0;
    }
    if (++inWindow == maxPerSecond + 1) {
      metrics.abusiveConnection("control_frames");
      // The listener interfaces these hooks sit in declare no Http2Exception; the reader that calls them
      // does, and turns it into GOAWAY(ENHANCE_YOUR_CALM) and a close.
      PlatformDependent.throwException(Http2Exception.connectionError(Http2Error.ENHANCE_YOUR_CALM,
          "more than %d control frames (%s...) in a second", maxPerSecond, what));
    }
  }

  @Override
  public void logPriority(Direction d, ChannelHandlerContext ctx, int streamId, int dependency, short weight,
      boolean exclusive) {
    count(d, "PRIORITY");
  }

  @Override
  public void logSettingsAck(Direction d, ChannelHandlerContext ctx) {
    count(d, "SETTINGS ACK");
  }

  @Override
  public void logSettings(Direction d, ChannelHandlerContext ctx, Http2Settings settings) {
    count(d, "SETTINGS");
  }

  @Override
  public void logPing(Direction d, ChannelHandlerContext ctx, long data) {
    count(d, "PING");
  }

  @Override
  public void logPingAck(Direction d, ChannelHandlerContext ctx, long data) {
    count(d, "PING ACK");
  }

  @Override
  public void logWindowsUpdate(Direction d, ChannelHandlerContext ctx, int streamId, int windowSizeIncrement) {
    count(d, "WINDOW_UPDATE");
  }

  @Override
  public void logUnknownFrame(Direction d, ChannelHandlerContext ctx, byte frameType, int streamId, Http2Flags flags,
      ByteBuf data) {
    count(d, "unknown frame type " + (frameType & 0xff));
  }
}
