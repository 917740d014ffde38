package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.protodec.conformance.fast.proto3.AllTypes3;
import dev.protodec.runtime.ProtoWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Writing into a {@link ProtoWriter} is one pass: nested lengths are filled in afterwards, in as many
 * bytes as the message's size when last written needs, and a full array is grown and the message
 * written again. Each case compares with protobuf-java's encoding of the same message.
 */
class WriterTest {
  /** The protobuf-java twin of {@code message}: parsed from protodec's exact-size encoding. */
  private static byte[] protobufJava(AllTypes3 message) throws Exception {
    return dev.protodec.conformance.proto3.AllTypes3.parseFrom(message.toByteArray()).toByteArray();
  }

  private static byte[] written(AllTypes3 message, ProtoWriter writer) {
    writer.reset();
    message.writeTo(writer);
    return writer.toByteArray();
  }

  private static AllTypes3 withLabel(String label) {
    AllTypes3 message = AllTypes3.newInstance().setOptionalInt32(7);
    message.mutableNested().setA(1).setLabel(label);
    message.mutableRecursive().mutableNested().setLabel(label);
    return message;
  }

  @Test
  void nestedLengthsThatGrowOrShrinkBetweenWritesMoveTheBytes() throws Exception {
    ProtoWriter writer = ProtoWriter.newInstance(16);
    AllTypes3 message = withLabel("x".repeat(300)); // lengths of two bytes, reserved one the first time
    byte[] first = written(message, writer);
    assertArrayEquals(protobufJava(message), first);
    assertArrayEquals(first, written(message, writer), "again, with the remembered sizes");

    message.getNested().setLabel("short"); // two bytes reserved, one needed
    message.getRecursive().getNested().setLabel("short");
    assertArrayEquals(protobufJava(message), written(message, writer));

    message.getNested().setLabel("y".repeat(20_000)); // one byte reserved, three needed
    message.getRecursive().getNested().setLabel("z".repeat(20_000));
    assertArrayEquals(protobufJava(message), written(message, writer));

    message.getNested().setLabel(""); // an empty nested message, after three bytes were reserved
    message.getRecursive().clearNested();
    assertArrayEquals(protobufJava(message), written(message, writer));
  }

  @Test
  void packedVarintsOfAHundredAndTwentyEightBytesOrMore() throws Exception {
    AllTypes3 message = AllTypes3.newInstance();
    for (int i = 0; i < 100; i++) {
      message.addPackedInt32(i * 1000); // 100 values of two and three bytes
    }
    assertArrayEquals(protobufJava(message), written(message, ProtoWriter.newInstance(1)));
  }

  @Test
  void aFullArrayIsGrownAndWhatWasWrittenBeforeIsKept() throws Exception {
    AllTypes3 message = withLabel("w".repeat(1000));
    byte[] expected = protobufJava(message);
    ProtoWriter writer = ProtoWriter.newInstance(4);
    writer.writeRawByte(0x2A); // the writer's capacity is 4: no more is checked by hand
    message.writeTo(writer); // runs out of room, is grown to fit, writes the message again
    byte[] all = writer.toByteArray();
    assertEquals(1 + expected.length, all.length);
    assertEquals(0x2A, all[0]);
    assertArrayEquals(expected, Arrays.copyOfRange(all, 1, all.length));
  }
}
