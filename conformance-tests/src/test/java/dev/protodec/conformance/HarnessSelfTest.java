package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.protodec.conformance.fast.proto3.AllTypes3;
import dev.protodec.conformance.fast.proto3.Color;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The harness checks itself: the field-by-field comparator notices a change to any kind of field, and
 * the verdict comparison notices a parser that disagrees. Without this, a comparator that compared
 * nothing would let every other test pass.
 */
class HarnessSelfTest {
  static dev.protodec.conformance.proto3.AllTypes3 sample() {
    return dev.protodec.conformance.proto3.AllTypes3.newBuilder()
        .setSingularInt32(5)
        .setSingularDouble(-0.0)
        .setOptionalString("x")
        .addPackedSint64(-3)
        .addRepeatedBytes(ByteString.copyFromUtf8("b"))
        .setColorValue(77)
        .setNested(dev.protodec.conformance.proto3.AllTypes3.Nested.newBuilder().setA(1))
        .putMapStringColor("k", dev.protodec.conformance.proto3.Color.COLOR_GREEN)
        .putMapStringNested("n", dev.protodec.conformance.proto3.AllTypes3.Nested.newBuilder().setLabel("l").build())
        .setChoiceBool(false)
        .build();
  }

  @Test
  void mirrorSeesEveryKindOfChange() throws Exception {
    var java = sample();
    byte[] bytes = java.toByteArray();
    assertEquals(List.of(), Mirror.differences(java, AllTypes3.parseFrom(bytes)));

    List<Consumer<AllTypes3>> changes =
        List.of(
            m -> m.setSingularInt32(6),
            m -> m.setSingularDouble(0.0),  // -0.0 and 0.0 differ
            m -> m.clearOptionalString(),  // presence
            m -> m.setOptionalString("y"),
            m -> m.getPackedSint64List().set(0, 3),
            m -> m.addPackedSint64(1),
            m -> m.getRepeatedBytes(0).set(new byte[] {'c'}),
            m -> m.setColorValue(78),
            m -> m.setColor(Color.COLOR_GREEN),
            m -> m.mutableNested().setA(2),
            m -> m.clearNested(),
            m -> m.putMapStringColor().setKey("k").setValue(Color.COLOR_BLUE),  // a later entry wins
            m -> m.getMapStringNestedEntries().get(0).mutableValue().setLabel("m"),
            m -> m.setChoiceUint32(0),  // another oneof member
            m -> m.clearChoice(),
            m -> m.getUnknownFields().append(new byte[] {(byte) 0xc0, 0x3e, 0x01}, 0, 3));
    for (int i = 0; i < changes.size(); i++) {
      AllTypes3 fast = AllTypes3.parseFrom(bytes);
      changes.get(i).accept(fast);
      assertFalse(Mirror.differences(java, fast).isEmpty(), "change #" + i + " went unnoticed");
    }
  }

  @Test
  void verdictSeesAParserThatDisagrees() throws Exception {
    var java = sample();
    FastType fast = FastType.of(java);
    assertNull(Verdict.compare(java, fast, java.toByteArray()));
    // the proto3 type reads proto2 bytes that it cannot (a string that is not UTF-8): both reject
    assertNull(Verdict.compare(java, fast, Hex.parse("72 01 ff")));
    // protobuf-java's own quirk (see KnownDisagreement.PROTOBUF_JAVA_STALE_ONEOF_MESSAGE): the two
    // parsers read this differently, and the comparison must say so
    Verdict.Disagreement d =
        Verdict.compare(java, fast, Hex.parse("f2 06 03 22 01 02 a8 07 01 f2 06 03 1a 01 6a"));
    assertNotNull(d);
    assertEquals(Verdict.GENERATED_VS_DYNAMIC, d.category(), d.toString());
  }
}
