package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.protodec.runtime.ProtoMessage;
import dev.protodec.runtime.ProtoWriter;
import java.util.List;
import java.util.Map;

/** The differential round trip every generated message must pass. */
final class RoundTrip {
  private RoundTrip() {}

  /**
   * protobuf-java encodes {@code original}; protodec parses it, every field reads back equal; protodec
   * encodes it again (into an exact-size array, and twice into a writer) and protobuf-java parses an
   * equal message. The re-encoding is byte-identical to protobuf-java's when the message has no map
   * entries (both write fields in number order); with map entries protobuf-java's re-encoding of its
   * own parse of protodec's bytes is compared instead.
   *
   * @return protodec's parsed message
   */
  static ProtoMessage<?> check(Message original) throws Exception {
    byte[] bytes = original.toByteArray();
    ProtoMessage<?> parsed = FastType.of(original).parseFrom(bytes);
    String context = "input " + Hex.of(bytes);
    try {
      Mirror.assertMirrors(original, parsed);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + context, e);
    }
    // zero-copy mode reads the same values, and keeps them after detach() once its input is overwritten
    byte[] input = bytes.clone();
    ProtoMessage<?> zeroCopy = FastType.of(original).parseZeroCopy(input);
    try {
      Mirror.assertMirrors(original, zeroCopy);
      assertEquals(parsed, zeroCopy, "zero-copy parse equals the strict parse");
      if (!containsMapEntries(original)) {
        assertArrayEquals(bytes, zeroCopy.toByteArray(), "zero-copy re-encoding is byte-identical");
      }
      zeroCopy.detach();
      java.util.Arrays.fill(input, (byte) 0x5a);
      Mirror.assertMirrors(original, zeroCopy);
    } catch (AssertionError e) {
      throw new AssertionError("zero-copy mode: " + e.getMessage() + "\n" + context, e);
    }

    int size = parsed.getSerializedSize();
    byte[] again = parsed.toByteArray();
    assertEquals(again.length, size, () -> "getSerializedSize() vs toByteArray().length; " + context);
    ProtoWriter writer = ProtoWriter.newInstance(1);
    parsed.writeTo(writer); // one pass into an array too small: grown, and the message written again
    assertArrayEquals(again, writer.toByteArray(), () -> "writeTo(ProtoWriter) vs toByteArray(); " + context);
    parsed.writeTo(writer.reset()); // with every nested size remembered from the last write
    assertArrayEquals(again, writer.toByteArray(), () -> "second writeTo(ProtoWriter); " + context);
    Message back = original.getParserForType().parseFrom(again);
    assertEquals(original, back, () -> "protobuf-java parse of protodec's re-encoding; " + context
        + "\nprotodec wrote " + Hex.of(again));
    if (!containsMapEntries(original)) {
      assertArrayEquals(bytes, again, () -> "protodec's re-encoding is not byte-identical; " + context
          + "\nprotodec wrote " + Hex.of(again));
    } else {
      assertArrayEquals(bytes, back.toByteArray(), () -> "map entry order or content changed; " + context
          + "\nprotodec wrote " + Hex.of(again));
    }
    return parsed;
  }

  /** True if {@code message} or any message nested in it has a map entry. */
  static boolean containsMapEntries(Message message) {
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      FieldDescriptor field = e.getKey();
      if (field.isMapField()) {
        return true;
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        List<?> values = field.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
        for (Object value : values) {
          if (containsMapEntries((Message) value)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
