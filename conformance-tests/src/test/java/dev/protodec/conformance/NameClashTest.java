package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.conformance.clash.ClashOuterClass;
import org.junit.jupiter.api.Test;

/** Types named String, List, Float, ProtoReader...: generated code compiles and keeps its meaning. */
class NameClashTest {

  @Test
  void defaultsThatNeedEscapingOrSpecialLiteralsMatchProtobufJava() throws Exception {
    ClashOuterClass.ProtoReader java = ClashOuterClass.ProtoReader.getDefaultInstance();
    dev.protodec.conformance.fast.clash.ClashOuterClass.ProtoReader fast =
        dev.protodec.conformance.fast.clash.ClashOuterClass.ProtoReader.newInstance();
    assertArrayEquals(java.getB().toByteArray(), fast.getB().toByteArray());
    assertEquals(java.getF(), fast.getF());
    assertTrue(Double.isNaN(fast.getD()));
    assertEquals(java.getBig(), fast.getBig());
    assertEquals(java.getU(), fast.getU());
    assertEquals(java.getTxt(), fast.getTxt());
  }

  @Test
  void messagesNamedLikeJavaLangTypesRoundTrip() throws Exception {
    ClashOuterClass.List java = ClashOuterClass.List.newBuilder()
        .addItems(ClashOuterClass.String.newBuilder().setValue("a"))
        .putM("k", 7)
        .build();
    var fast = dev.protodec.conformance.fast.clash.ClashOuterClass.List.parseFrom(java.toByteArray());
    assertEquals("a", fast.getItems(0).getValue());
    assertEquals(java.util.Map.of("k", 7), fast.getMMap());
    assertEquals(java, ClashOuterClass.List.parseFrom(fast.toByteArray()));
  }
}
