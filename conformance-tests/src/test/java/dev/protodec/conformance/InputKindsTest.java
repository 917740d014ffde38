package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.protobuf.Message;
import dev.protodec.runtime.ProtoMessage;
import dev.protodec.runtime.ProtoReader;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * (c) Every input kind gives the same message: {@code byte[]} (whole and a range of a larger array),
 * heap and direct {@code ByteBuffer} (with a non-zero position), {@code InputStream} (also one that
 * returns a few bytes per read); and re-parsing into a reused message after {@code clear()}, or
 * through a reused {@code ProtoReader}, gives what a fresh parse gives.
 */
class InputKindsTest {
  static final int MESSAGES = 200;

  @ParameterizedTest
  @EnumSource(Schema.class)
  void allInputKindsAgree(Schema schema) throws Exception {
    RandomFiller filler = new RandomFiller(schema.seed() + 7, schema.options);
    FastType fast = FastType.of(schema.prototype);
    Random random = new Random(schema.seed());
    ProtoMessage<?> reused = fast.newInstance();
    ProtoReader reader = ProtoReader.newInstance();
    for (int i = 0; i < MESSAGES; i++) {
      Message original = filler.next(schema.prototype);
      byte[] bytes = original.toByteArray();
      String context = schema + " message #" + i + ", input " + Hex.of(bytes);

      ProtoMessage<?> expected = fast.parseFrom(bytes);
      Mirror.assertMirrors(original, expected);
      byte[] expectedBytes = expected.toByteArray();

      // a range of a larger array, with garbage around it
      int before = random.nextInt(16);
      byte[] padded = new byte[before + bytes.length + random.nextInt(16)];
      random.nextBytes(padded);
      System.arraycopy(bytes, 0, padded, before, bytes.length);
      same(expected, fast.parseFrom(padded, before, bytes.length), "byte[] range", context);

      // heap ByteBuffer at a non-zero position, and a slice; the position must not move
      ByteBuffer heap = ByteBuffer.wrap(padded, before, bytes.length);
      same(expected, fast.parseFrom(heap), "heap ByteBuffer", context);
      assertEquals(before, heap.position(), "parseFrom(ByteBuffer) moved the position; " + context);
      same(expected, fast.parseFrom(heap.slice()), "heap ByteBuffer slice", context);

      ByteBuffer direct = ByteBuffer.allocateDirect(padded.length);
      direct.put(padded).position(before).limit(before + bytes.length);
      same(expected, fast.parseFrom(direct), "direct ByteBuffer", context);
      assertEquals(before, direct.position(), "parseFrom(direct ByteBuffer) moved the position; " + context);

      same(expected, fast.parseFrom(new ByteArrayInputStream(bytes)), "InputStream", context);
      same(expected, fast.parseFrom(new TrickleInputStream(bytes, random)), "trickling InputStream",
          context);

      // reuse: `reused` still holds the previous message's storage (strings, arrays, nested
      // messages); after clear(), merging this one must give exactly a fresh parse
      reused.clear();
      assertEquals(0, reused.getSerializedSize(), "clear() left fields set; " + context);
      assertEquals(fast.newInstance(), reused, "clear() is not equal to a new instance; " + context);
      reused.mergeFrom(bytes);
      same(expected, reused, "reused message after clear()", context);
      reused.clear();
      assertSame(reused, reader.wrap(bytes).parseInto(reused));
      same(expected, reused, "reused ProtoReader and message", context);
      assertArrayEquals(expectedBytes, reused.toByteArray(), "reused message re-encodes differently; "
          + context);
    }
  }

  private static void same(ProtoMessage<?> expected, ProtoMessage<?> actual, String kind,
      String context) {
    assertEquals(expected, actual, () -> kind + " gave a different message; " + context);
    assertEquals(expected.hashCode(), actual.hashCode(), () -> kind + ": equal messages, different hashCode; "
        + context);
    assertArrayEquals(expected.toByteArray(), actual.toByteArray(),
        () -> kind + " re-encodes differently; " + context);
  }

  /** Returns 1 to 3 bytes per read, as sockets do. */
  private static final class TrickleInputStream extends FilterInputStream {
    private final Random random;

    TrickleInputStream(byte[] data, Random random) {
      super(new ByteArrayInputStream(data));
      this.random = random;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      return super.read(b, off, Math.min(len, 1 + random.nextInt(3)));
    }
  }
}
