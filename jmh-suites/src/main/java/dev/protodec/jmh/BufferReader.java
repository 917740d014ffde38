package dev.protodec.jmh;

import dev.protodec.dns.corpus.FieldSink;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A reader whose input is a (direct) {@link ByteBuffer} instead of a {@code byte[]}, pushing the same
 * light and deep sequences as the schema's {@code byte[]} reader. Reads from the buffer's position to its
 * limit and leaves both as they were.
 */
public interface BufferReader {
  String name();

  void readLight(ByteBuffer message, FieldSink sink) throws IOException;

  void readDeep(ByteBuffer message, FieldSink sink) throws IOException;

  /** A direct copy of each of {@code messages}, as a network stack would hand them over. */
  static ByteBuffer[] direct(byte[][] messages) {
    ByteBuffer[] buffers = new ByteBuffer[messages.length];
    for (int i = 0; i < messages.length; i++) {
      buffers[i] = ByteBuffer.allocateDirect(messages[i].length).put(messages[i]).flip();
    }
    return buffers;
  }
}
