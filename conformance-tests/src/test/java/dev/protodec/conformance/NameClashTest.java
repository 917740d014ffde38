package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.conformance.fast.clash.ClashOuterClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Types named String, List, Float, ProtoReader...: the generated code compiles (protobuf-java's does
 * not) and keeps its meaning. No protobuf-java classes exist for this schema, so the expectations are
 * written out.
 */
class NameClashTest {

  @Test
  void defaultsThatNeedEscapingOrSpecialLiteralsAreTheDeclaredValues() {
    ClashOuterClass.ProtoReader message = ClashOuterClass.ProtoReader.newInstance();
    assertArrayEquals(new byte[] {'a', 0, (byte) 0xFF}, message.getB().toByteArray());
    assertEquals(Float.POSITIVE_INFINITY, message.getF());
    assertTrue(Double.isNaN(message.getD()));
    assertEquals(Long.MIN_VALUE, message.getBig());
    assertEquals(-1L, message.getU(), "uint64 default 18446744073709551615");
    assertEquals("q\"u\\o\ne", message.getTxt());
  }

  @Test
  void messagesNamedLikeJavaLangTypesEncodeAndParseBack() throws Exception {
    ClashOuterClass.List list = ClashOuterClass.List.newInstance();
    list.addItems().setValue("a");
    list.putM().setKey("k").setValue(7);
    byte[] bytes = list.toByteArray();
    // items { value: "a" } then m { key: "k" value: 7 }
    assertEquals("0a 03 0a 01 61 12 05 0a 01 6b 10 07", Hex.of(bytes));
    ClashOuterClass.List parsed = ClashOuterClass.List.parseFrom(bytes);
    assertEquals("a", parsed.getItems(0).getValue());
    assertEquals(Map.of("k", 7), parsed.getMMap());
    assertEquals(list, parsed);
  }
}
