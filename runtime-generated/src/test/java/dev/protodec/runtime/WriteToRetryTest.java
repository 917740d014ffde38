package dev.protodec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * {@link ProtoMessage#writeTo(ProtoWriter)} grows the writer and writes again only when the writer itself
 * ran out of room; an out-of-bounds index from anywhere else, or any other exception, propagates from the
 * first attempt, and the writer is left as it was.
 */
class WriteToRetryTest {
  /** Writes {@code size} bytes 0, 1, 2, ... with no room made first, then runs {@code after}. */
  private static final class Fields extends ProtoMessage<Fields> {
    final int size;
    final Runnable after;
    int writes;

    Fields(int size, Runnable after) {
      this.size = size;
      this.after = after;
    }

    @Override
    public void writeFieldsTo(ProtoWriter out) {
      writes++;
      for (int i = 0; i < size; i++) {
        out.writeRawByte(i);
      }
      after.run();
    }

    @Override
    protected int computeSerializedSize() {
      return size;
    }

    @Override
    public Fields mergeFrom(ProtoReader input) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Fields clear() {
      return this;
    }

    @Override
    public Fields detach() {
      return this;
    }

    @Override
    public String getTypeName() {
      return "test.Fields";
    }

    @Override
    protected void printFields(ProtoPrinter printer) {}
  }

  @Test
  void aWriterTooSmallIsGrownAndTheMessageWrittenAgain() {
    Fields message = new Fields(1000, () -> {});
    ProtoWriter writer = ProtoWriter.newInstance(8);
    writer.writeRawByte(0x7F);
    message.writeTo(writer);
    assertEquals(2, message.writes);
    assertEquals(1001, writer.size());
    assertEquals(0x7F, writer.array()[0]);
    assertEquals((byte) 999, writer.array()[1000]);
  }

  @Test
  void anIndexOutOfBoundsFromABugWhileThereIsRoomIsNotRetried() {
    ArrayIndexOutOfBoundsException bug = new ArrayIndexOutOfBoundsException("a bug elsewhere");
    Fields message = new Fields(10, () -> {
      throw bug;
    });
    ProtoWriter writer = ProtoWriter.newInstance(4096);
    assertSame(bug, assertThrows(ArrayIndexOutOfBoundsException.class, () -> message.writeTo(writer)));
    assertEquals(1, message.writes);
  }

  @Test
  void otherIndexExceptionsAreNeverRetriedEvenWhenTheWriterIsFull() {
    IndexOutOfBoundsException bug = new StringIndexOutOfBoundsException("a bug elsewhere");
    Fields message = new Fields(0, () -> {
      throw bug;
    });
    ProtoWriter writer = ProtoWriter.newInstance(1);
    assertSame(bug, assertThrows(IndexOutOfBoundsException.class, () -> message.writeTo(writer)));
    assertEquals(1, message.writes);
  }

  @Test
  void aBugThatAlsoOverflowsFailsOnTheRetryAndLeavesTheWriterAsItWas() {
    Fields message = new Fields(600, () -> {
      throw new ArrayIndexOutOfBoundsException("a bug elsewhere");
    });
    ProtoWriter writer = ProtoWriter.newInstance(16);
    writer.writeRawByte(1);
    assertThrows(ArrayIndexOutOfBoundsException.class, () -> message.writeTo(writer));
    assertEquals(2, message.writes);
    assertEquals(1, writer.size());
    assertArrayEquals(new byte[] {1}, writer.toByteArray());
  }
}
