package dev.protodec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The length fix-up of nested messages at the writer's level. (Whole generated messages are compared
 * with protobuf-java's encoding in conformance-tests' WriterTest and RoundTrip.)
 */
class ProtoWriterTest {
  /** A message whose fields are {@code size} raw bytes 0, 1, 2, ... */
  private static final class Blob extends ProtoMessage<Blob> {
    final int size;

    Blob(int size) {
      this.size = size;
    }

    @Override
    public void writeFieldsTo(ProtoWriter out) {
      out.ensureCapacity(size);
      for (int i = 0; i < size; i++) {
        out.writeRawByte(i);
      }
    }

    @Override
    protected int computeSerializedSize() {
      return size;
    }

    @Override
    public Blob mergeFrom(ProtoReader input) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Blob clear() {
      return this;
    }

    @Override
    public Blob detach() {
      return this;
    }

    @Override
    public String getTypeName() {
      return "Blob";
    }

    @Override
    protected void printFields(ProtoPrinter printer) {}
  }

  /** Tag 0x0A, then {@code size} as a varint, then the blob's bytes. */
  private static byte[] expected(int size) {
    ProtoWriter w = ProtoWriter.newInstance(size + 8);
    w.writeRawByte(0x0A);
    w.writeRawVarint32(size);
    byte[] head = w.toByteArray();
    byte[] all = Arrays.copyOf(head, head.length + size);
    for (int i = 0; i < size; i++) {
      all[head.length + i] = (byte) i;
    }
    return all;
  }

  /** Writes {@code blob} nested, with its remembered size set to {@code changedTo} after beginMessage. */
  private static byte[] nested(Blob blob, int rememberedBefore, int changedTo) {
    ProtoWriter w = ProtoWriter.newInstance(1 << 20);
    w.writeRawByte(0x0A);
    blob.cachedSize = rememberedBefore;
    int start = w.beginMessage(blob);
    blob.cachedSize = changedTo; // as another thread's write of the same message would
    blob.writeFieldsTo(w);
    w.endMessage(blob, start);
    return w.toByteArray();
  }

  @Test
  void theLengthFillsWhatBeginMessageReservedWhateverTheRememberedSizeBecameMeanwhile() {
    for (int size : new int[] {0, 5, 127, 128, 200, 16_383, 16_384, 100_000}) {
      for (int before : new int[] {-1, 0, 127, 128, 200, 16_384, 2_097_152}) {
        for (int during : new int[] {-1, 200, 2_097_152}) {
          Blob blob = new Blob(size);
          assertArrayEquals(expected(size), nested(blob, before, during),
              "size " + size + ", remembered " + before + " then " + during);
          assertEquals(size, blob.cachedSize, "the written size is remembered");
        }
      }
    }
  }

  @Test
  void packedLengthsOfAnySizeMoveTheValues() {
    for (int size : new int[] {0, 127, 128, 16_384}) {
      ProtoWriter w = ProtoWriter.newInstance(size + 8);
      w.writeRawByte(0x0A);
      int start = w.beginLengthDelimited();
      new Blob(size).writeFieldsTo(w);
      w.endLengthDelimited(start);
      assertArrayEquals(expected(size), w.toByteArray(), "size " + size);
    }
  }
}
