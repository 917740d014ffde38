package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.conformance.members.MemberNames.ProtobufJavaRule;
import dev.protodec.conformance.fast.membersonly.MemberClash.Clashes;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Fields whose generated names would clash (member_names.proto, member_clash.proto): where protobuf-java
 * has a rule (the field number appended to both fields), protodec's names are protobuf-java's; elsewhere
 * protodec appends the number the same way, and the class compiles and keeps every value apart.
 */
class MemberNamesTest {
  private static final Class<?> FAST_RULE = dev.protodec.conformance.fast.members.MemberNames.ProtobufJavaRule.class;

  @Test
  void whereProtobufJavaAppendsFieldNumbersProtodecChoosesTheSameNames() {
    List<String> names = List.of("getFoo3Count", "getFoo3List", "getFoo3", "addFoo3", "clearFoo3",
        "getFooCount4", "setFooCount4", "hasFooCount4", "getBar5Count", "getBar5List", "getBar5",
        "getBarList6", "hasBarList6", "getFooBar7", "getFooBar8", "setFooBar8", "getTags12Count",
        "getTags12Map", "putTags12", "clearTags12", "getTagsCount13", "getPlain");
    for (String name : names) {
      assertTrue(hasMethod(ProtobufJavaRule.class, name) || hasMethod(ProtobufJavaRule.Builder.class, name),
          "protobuf-java has " + name);
      assertTrue(hasMethod(FAST_RULE, name), "protodec has " + name);
    }
    assertFalse(hasMethod(FAST_RULE, "getFooCount"), "no undisambiguated getFooCount()");
    assertFalse(hasMethod(FAST_RULE, "getFooBar"), "no undisambiguated getFooBar()");
  }

  @Test
  void disambiguatedFieldsKeepTheirValuesApartAsProtobufJavaReadsThem() throws Exception {
    ProtobufJavaRule java = ProtobufJavaRule.newBuilder()
        .addFoo3(1).addFoo3(2).setFooCount4(40)
        .addBar5("b").setBarList6("list")
        .setFooBar7(7).setFooBar8(8)
        .putTags12("t", 12).setTagsCount13(13)
        .setPlain("p")
        .build();
    var fast = dev.protodec.conformance.fast.members.MemberNames.ProtobufJavaRule.parseFrom(java.toByteArray());
    assertEquals(2, fast.getFoo3Count());
    assertEquals(40, fast.getFooCount4());
    assertEquals("b", fast.getBar5(0));
    assertEquals("list", fast.getBarList6());
    assertEquals(7, fast.getFooBar7());
    assertEquals(8, fast.getFooBar8());
    assertEquals(Map.of("t", 12), fast.getTags12Map());
    assertEquals(1, fast.getTags12Count());
    assertEquals(13, fast.getTagsCount13());
    assertEquals("p", fast.getPlain());
    assertEquals(java, ProtobufJavaRule.parseFrom(fast.toByteArray()));
  }

  @Test
  void clashesProtobufJavaHasNoRuleForGetTheFieldNumberToo() throws Exception {
    Clashes message = Clashes.newInstance()
        .setName1("n").setNameUtf82("u")
        .setBitField03(3)
        .setBaz10(Clashes.Color.GREEN).setBazValue11(11)
        .setTagsMap14(14)
        .setA(15)
        .setKindCase17(17)
        .setMutableSub(19)
        .setDefaultInstance_(20);
    message.putTags12().setKey("k").setValue(12);
    message.mutableSub().setName1("inner");
    Clashes parsed = Clashes.parseFrom(message.toByteArray());
    assertEquals(message, parsed);
    assertEquals("n", parsed.getName1Utf8().toString());
    assertEquals("u", parsed.getNameUtf82());
    assertEquals(3, parsed.getBitField03());
    assertTrue(parsed.hasBitField03());
    assertEquals(1, parsed.getBaz10Value());
    assertEquals(11, parsed.getBazValue11());
    assertEquals(Map.of("k", 12), parsed.getTags12Map());
    assertEquals(14, parsed.getTagsMap14());
    assertEquals(Clashes.KindCase.A, parsed.getKindCase());
    assertEquals(17, parsed.getKindCase17());
    assertEquals("inner", parsed.getSub().getName1());
    assertEquals(19, parsed.getMutableSub());
    assertEquals(20, parsed.getDefaultInstance_());
    assertEquals("x", parsed.getInstance21());
    assertEquals(21, Clashes.INSTANCE_21_FIELD_NUMBER);
  }

  private static boolean hasMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(name::equals);
  }
}
