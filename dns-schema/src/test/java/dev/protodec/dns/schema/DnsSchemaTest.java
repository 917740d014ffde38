package dev.protodec.dns.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.Descriptor;
import org.junit.jupiter.api.Test;

class DnsSchemaTest {
  @Test
  void descriptorSetHoldsTheSameMessageTypesAsTheGeneratedClasses() {
    Descriptor reflective = DnsSchema.load().messageType(DnsSchema.PACKAGE + "DnsMessage");
    Descriptor generated = dev.protodec.dns.v1.DnsMessage.getDescriptor();
    assertEquals(fields(generated), fields(reflective));
    assertEquals(generated.getNestedTypes().size(), reflective.getNestedTypes().size());
  }

  private static java.util.List<String> fields(Descriptor type) {
    java.util.List<String> fields = new java.util.ArrayList<>();
    for (var field : type.getFields()) {
      fields.add(field.getNumber() + " " + field.getName() + " " + field.getType());
    }
    return fields;
  }
}
