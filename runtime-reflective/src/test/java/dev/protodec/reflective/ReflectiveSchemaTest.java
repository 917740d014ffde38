package dev.protodec.reflective;

import static dev.protodec.reflective.TestSchemas.ORDER;
import static dev.protodec.reflective.TestSchemas.STRUCT;
import static dev.protodec.reflective.TestSchemas.TIMESTAMP;
import static dev.protodec.reflective.TestSchemas.importer;
import static dev.protodec.reflective.TestSchemas.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Timestamp;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReflectiveSchemaTest {

  @Test
  void buildsImportsBeforeTheFilesThatImportThem() {
    ReflectiveSchema schema = ReflectiveSchema.of(set(ORDER, STRUCT, TIMESTAMP));

    List<String> names = schema.files().stream().map(FileDescriptor::getName).collect(Collectors.toList());
    assertEquals(
        List.of("google/protobuf/timestamp.proto", "test/order.proto", "google/protobuf/struct.proto"), names);
    FileDescriptor order = schema.files().get(1);
    assertSame(schema.files().get(0), order.getDependencies().get(0));
  }

  @Test
  void findsTopLevelAndNestedMessageTypesByFullName() {
    ReflectiveSchema schema = ReflectiveSchema.of(set(TIMESTAMP, ORDER));

    Descriptor line = schema.messageType("test.shop.Order.Line");
    assertEquals("Line", line.getName());
    assertSame(schema.messageType("test.shop.Order"), line.getContainingType());
    assertSame(line, schema.messageType(".test.shop.Order.Line"));
    assertEquals(List.of("google.protobuf.Timestamp", "test.shop.Order", "test.shop.Order.Line"),
        schema.messageTypeNames());
    assertTrue(schema.findMessageType("test.shop.Order").isPresent());
    assertFalse(schema.findMessageType("test.shop.Basket").isPresent());
  }

  @Test
  void buildsItsOwnDescriptorsNotTheGeneratedOnes() {
    Descriptor timestamp = ReflectiveSchema.of(set(TIMESTAMP)).messageType("google.protobuf.Timestamp");

    assertNotSame(Timestamp.getDescriptor(), timestamp);
    assertEquals(Timestamp.getDescriptor().toProto(), timestamp.toProto());
  }

  @Test
  void unknownMessageTypeNamesTheKnownOnes() {
    ReflectiveSchema schema = ReflectiveSchema.of(set(TIMESTAMP, ORDER));

    SchemaException e = assertThrows(SchemaException.class, () -> schema.messageType("Order"));
    assertEquals("the schema has no message type Order; full names are expected (package.Outer.Inner)."
        + " Known types: google.protobuf.Timestamp, test.shop.Order, test.shop.Order.Line.", e.getMessage());
  }

  @Test
  void missingImportIsNamed() {
    SchemaException e = assertThrows(SchemaException.class, () -> ReflectiveSchema.of(set(ORDER)));
    assertEquals("test/order.proto imports google/protobuf/timestamp.proto, which the descriptor set does not"
        + " hold. Write the set with its imports (protoc --include_imports; protodec's writeDescriptorSet does).",
        e.getMessage());
  }

  @Test
  void importCycleIsReportedWithItsPath() {
    SchemaException e = assertThrows(SchemaException.class, () -> ReflectiveSchema.of(
        set(importer("a.proto", "b.proto"), importer("b.proto", "c.proto"), importer("c.proto", "b.proto"))));
    assertTrue(e.getMessage().startsWith("the descriptor set's files import each other in a cycle: "
        + "b.proto -> c.proto -> b.proto."), e.getMessage());
  }

  @Test
  void fileListedTwiceIsRejected() {
    SchemaException e =
        assertThrows(SchemaException.class, () -> ReflectiveSchema.of(set(TIMESTAMP, TIMESTAMP)));
    assertEquals("the descriptor set holds google/protobuf/timestamp.proto twice;"
        + " a set must hold each file once.", e.getMessage());
  }

  @Test
  void invalidFileNamesTheFileAndTheProblem() {
    FileDescriptorProto broken = FileDescriptorProto.newBuilder()
        .setName("broken.proto")
        .setPackage("test")
        .setSyntax("proto3")
        .addMessageType(DescriptorProto.newBuilder()
            .setName("Broken")
            .addField(TestSchemas.field("other", 1, Type.TYPE_MESSAGE).setTypeName(".test.Missing")))
        .build();

    SchemaException e = assertThrows(SchemaException.class, () -> ReflectiveSchema.of(set(broken)));
    assertTrue(e.getMessage().startsWith("broken.proto in the descriptor set is not valid: "), e.getMessage());
    assertTrue(e.getMessage().contains("test.Missing"), e.getMessage());
    assertTrue(e.getMessage().contains("test.Broken.other"), e.getMessage());
  }

  @Test
  void readsEncodedSetsFromBytesAndStreams() throws IOException {
    byte[] encoded = set(TIMESTAMP, ORDER).toByteArray();

    ReflectiveSchema fromBytes = ReflectiveSchema.fromBytes(encoded);
    assertEquals("test.shop.Order", fromBytes.messageType("test.shop.Order").getFullName());
    ByteArrayInputStream in = new ByteArrayInputStream(encoded);
    assertEquals(2, ReflectiveSchema.fromStream(in).files().size());
  }

  @Test
  void bytesThatAreNoSetAreRejected() {
    byte[] truncatedTag = {(byte) 0x8a};
    SchemaException e = assertThrows(SchemaException.class, () -> ReflectiveSchema.fromBytes(truncatedTag));
    String message = e.getMessage();
    assertTrue(message.startsWith("the given bytes is not a readable FileDescriptorSet ("), message);
    assertTrue(message.endsWith(
        "Write it with protoc --descriptor_set_out, or with protodec's writeDescriptorSet."), message);
  }

  @Test
  void loadsAClassPathResource(@TempDir Path root) throws IOException {
    Path desc = root.resolve("META-INF/protodec/shop.desc");
    Files.createDirectories(desc.getParent());
    Files.write(desc, set(TIMESTAMP, ORDER).toByteArray());

    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      ReflectiveSchema schema = ReflectiveSchema.fromResource(loader, "META-INF/protodec/shop.desc");
      assertEquals("test.shop.Order.Line", schema.messageType("test.shop.Order.Line").getFullName());

      SchemaException e = assertThrows(SchemaException.class,
          () -> ReflectiveSchema.fromResource(loader, "META-INF/protodec/other.desc"));
      assertTrue(e.getMessage().startsWith("no resource META-INF/protodec/other.desc on the class path of "),
          e.getMessage());
    }
  }
}
