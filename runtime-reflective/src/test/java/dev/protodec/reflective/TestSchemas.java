package dev.protodec.reflective;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import java.util.Arrays;

/** Descriptor sets for the tests: protobuf-java's own well-known types, and a small file importing one. */
final class TestSchemas {
  static final FileDescriptorProto TIMESTAMP = Timestamp.getDescriptor().getFile().toProto();
  static final FileDescriptorProto STRUCT = Struct.getDescriptor().getFile().toProto();

  /**
   * {@code test/order.proto}, as protoc would describe it:
   *
   * <pre>
   * syntax = "proto3";
   * package test.shop;
   * import "google/protobuf/timestamp.proto";
   * message Order {
   *   message Line { string sku = 1; uint32 quantity = 2; }
   *   uint32 id = 1;
   *   google.protobuf.Timestamp placed = 2;
   *   repeated Line lines = 3;
   *   bytes token = 4;
   * }
   * </pre>
   */
  static final FileDescriptorProto ORDER = FileDescriptorProto.newBuilder()
      .setName("test/order.proto")
      .setPackage("test.shop")
      .setSyntax("proto3")
      .addDependency("google/protobuf/timestamp.proto")
      .addMessageType(DescriptorProto.newBuilder()
          .setName("Order")
          .addNestedType(DescriptorProto.newBuilder()
              .setName("Line")
              .addField(field("sku", 1, Type.TYPE_STRING))
              .addField(field("quantity", 2, Type.TYPE_UINT32)))
          .addField(field("id", 1, Type.TYPE_UINT32))
          .addField(field("placed", 2, Type.TYPE_MESSAGE).setTypeName(".google.protobuf.Timestamp"))
          .addField(field("lines", 3, Type.TYPE_MESSAGE)
              .setLabel(Label.LABEL_REPEATED)
              .setTypeName(".test.shop.Order.Line"))
          .addField(field("token", 4, Type.TYPE_BYTES)))
      .build();

  private TestSchemas() {}

  static FieldDescriptorProto.Builder field(String name, int number, Type type) {
    return FieldDescriptorProto.newBuilder()
        .setName(name)
        .setJsonName(name)
        .setNumber(number)
        .setLabel(Label.LABEL_OPTIONAL)
        .setType(type);
  }

  static FileDescriptorSet set(FileDescriptorProto... files) {
    return FileDescriptorSet.newBuilder().addAllFile(Arrays.asList(files)).build();
  }

  /** An empty proto3 file named {@code name} importing {@code imports}. */
  static FileDescriptorProto importer(String name, String... imports) {
    return FileDescriptorProto.newBuilder()
        .setName(name)
        .setSyntax("proto3")
        .addAllDependency(Arrays.asList(imports))
        .build();
  }
}
