package dev.protodec.jmh;

import dev.protodec.runtime.ProtoMessage;
import dev.protodec.runtime.ProtoWriter;
import java.io.IOException;
import java.util.Arrays;
import us.hebi.quickbuf.ProtoSink;

/**
 * The encoding calls the encode benchmarks time, shared with their cross-checks so that what is checked
 * is what is timed. protobuf-java ({@code toByteArray()}, also for {@code DynamicMessage}) and Wire
 * ({@code encode()}) are called directly: their users get a new array per message and neither offers to
 * write into a caller's reusable buffer from the start.
 */
public final class Encoders {
  private Encoders() {}

  /** protodec into a reused writer, in one pass (no size pass). Returns the number of bytes written. */
  public static int protodec(ProtoMessage<?> message, ProtoWriter writer) {
    writer.reset();
    message.writeTo(writer);
    return writer.size();
  }

  /**
   * QuickBuffers into a reused array sink, calling {@code getSerializedSize()} first as its docs require
   * (it caches the nested sizes the write pass uses). Returns the number of bytes written.
   */
  public static int quickBuffers(us.hebi.quickbuf.ProtoMessage<?> message, ProtoSink sink) throws IOException {
    message.getSerializedSize();
    sink.reset();
    message.writeTo(sink);
    return sink.getTotalBytesWritten();
  }

  /** What {@link #protodec} wrote, copied out for the cross-check. */
  public static byte[] written(ProtoWriter writer) {
    return writer.toByteArray();
  }

  /** What {@link #quickBuffers} wrote into {@code buffer}, copied out for the cross-check. */
  public static byte[] written(ProtoSink sink, byte[] buffer) {
    return Arrays.copyOf(buffer, sink.getTotalBytesWritten());
  }
}
