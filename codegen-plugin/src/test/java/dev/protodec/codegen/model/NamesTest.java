package dev.protodec.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void accessorStemsFollowProtobufJava() {
    assertEquals("FooBar", Names.accessorStem("foo_bar"));
    assertEquals("Field2B", Names.accessorStem("field_2b"));
    assertEquals("ABC", Names.accessorStem("a_b_c"));
    assertEquals("ABc", Names.accessorStem("a__bc"));
    assertEquals("HTTPSRecord", Names.accessorStem("HTTPS_record"));
    assertEquals("Class_", Names.accessorStem("class"), "getClass() would clash");
    assertEquals("SerializedSize_", Names.accessorStem("serialized_size"));
  }

  @Test
  void storageAndClassNamesAvoidKeywords() {
    assertEquals("fooBar", Names.camelCase("FooBar", false));
    assertEquals("do_", Names.identifier("do"));
    assertEquals("int_", Names.className("int"));
    assertEquals("Dns", Names.outerClassName("protodec/dns/v1/dns.proto"));
    assertEquals("TestMessagesProto3", Names.outerClassName("test_messages_proto3.proto"));
  }
}
