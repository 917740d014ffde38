package dev.protodec.benchmark.harness;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * A proto3 schema built in code, with every field kind:
 *
 * <pre>
 * enum Color { COLOR_UNSPECIFIED = 0; RED = 1; GREEN = 2; }
 * message Leaf { string name = 1; int32 weight = 2; }
 * message AllKinds {
 *   int32 i32 = 1; int64 i64 = 2; uint32 u32 = 3; uint64 u64 = 4; sint32 s32 = 5; sint64 s64 = 6;
 *   fixed32 f32 = 7; fixed64 f64 = 8; sfixed32 sf32 = 9; sfixed64 sf64 = 10; float fl = 11; double db = 12;
 *   bool flag = 13; string text = 14; bytes data = 15; Color color = 16; Leaf leaf = 17;
 *   repeated int64 numbers = 18; repeated Leaf leaves = 19; map&lt;string, int32&gt; counts = 20;
 *   map&lt;string, Leaf&gt; leaves_by_name = 21;
 *   oneof choice { string label = 22; Leaf picked = 23; }
 *   AllKinds child = 24;  // recursive
 * }
 * </pre>
 */
final class TestSchema {
  static final String PACKAGE = "test.harness";
  static final Descriptor ALL_KINDS;
  static final Descriptor LEAF;

  static {
    try {
      FileDescriptor file = FileDescriptor.buildFrom(file(), new FileDescriptor[0]);
      ALL_KINDS = file.findMessageTypeByName("AllKinds");
      LEAF = file.findMessageTypeByName("Leaf");
    } catch (DescriptorValidationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private TestSchema() {}

  static FileDescriptorProto file() {
    DescriptorProto.Builder all = DescriptorProto.newBuilder().setName("AllKinds");
    Type[] scalars = {Type.TYPE_INT32, Type.TYPE_INT64, Type.TYPE_UINT32, Type.TYPE_UINT64, Type.TYPE_SINT32,
        Type.TYPE_SINT64, Type.TYPE_FIXED32, Type.TYPE_FIXED64, Type.TYPE_SFIXED32, Type.TYPE_SFIXED64,
        Type.TYPE_FLOAT, Type.TYPE_DOUBLE, Type.TYPE_BOOL, Type.TYPE_STRING, Type.TYPE_BYTES};
    String[] names = {"i32", "i64", "u32", "u64", "s32", "s64", "f32", "f64", "sf32", "sf64", "fl", "db", "flag",
        "text", "data"};
    for (int i = 0; i < scalars.length; i++) {
      all.addField(field(names[i], i + 1, scalars[i], Label.LABEL_OPTIONAL, null));
    }
    all.addField(field("color", 16, Type.TYPE_ENUM, Label.LABEL_OPTIONAL, "." + PACKAGE + ".Color"));
    all.addField(field("leaf", 17, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL, "." + PACKAGE + ".Leaf"));
    all.addField(field("numbers", 18, Type.TYPE_INT64, Label.LABEL_REPEATED, null));
    all.addField(field("leaves", 19, Type.TYPE_MESSAGE, Label.LABEL_REPEATED, "." + PACKAGE + ".Leaf"));
    all.addField(field("counts", 20, Type.TYPE_MESSAGE, Label.LABEL_REPEATED, "." + PACKAGE + ".AllKinds.CountsEntry"));
    all.addField(field("leaves_by_name", 21, Type.TYPE_MESSAGE, Label.LABEL_REPEATED,
        "." + PACKAGE + ".AllKinds.LeavesByNameEntry"));
    all.addOneofDecl(OneofDescriptorProto.newBuilder().setName("choice"));
    all.addField(field("label", 22, Type.TYPE_STRING, Label.LABEL_OPTIONAL, null).toBuilder().setOneofIndex(0));
    all.addField(field("picked", 23, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL, "." + PACKAGE + ".Leaf").toBuilder()
        .setOneofIndex(0));
    all.addField(field("child", 24, Type.TYPE_MESSAGE, Label.LABEL_OPTIONAL, "." + PACKAGE + ".AllKinds"));
    all.addNestedType(mapEntry("CountsEntry", Type.TYPE_INT32, null));
    all.addNestedType(mapEntry("LeavesByNameEntry", Type.TYPE_MESSAGE, "." + PACKAGE + ".Leaf"));

    DescriptorProto leaf = DescriptorProto.newBuilder().setName("Leaf")
        .addField(field("name", 1, Type.TYPE_STRING, Label.LABEL_OPTIONAL, null))
        .addField(field("weight", 2, Type.TYPE_INT32, Label.LABEL_OPTIONAL, null))
        .build();
    EnumDescriptorProto color = EnumDescriptorProto.newBuilder().setName("Color")
        .addValue(EnumValueDescriptorProto.newBuilder().setName("COLOR_UNSPECIFIED").setNumber(0))
        .addValue(EnumValueDescriptorProto.newBuilder().setName("RED").setNumber(1))
        .addValue(EnumValueDescriptorProto.newBuilder().setName("GREEN").setNumber(2))
        .build();
    return FileDescriptorProto.newBuilder().setName("test/harness/all_kinds.proto").setPackage(PACKAGE)
        .setSyntax("proto3").addEnumType(color).addMessageType(leaf).addMessageType(all).build();
  }

  private static DescriptorProto mapEntry(String name, Type valueType, String valueTypeName) {
    return DescriptorProto.newBuilder().setName(name)
        .setOptions(MessageOptions.newBuilder().setMapEntry(true))
        .addField(field("key", 1, Type.TYPE_STRING, Label.LABEL_OPTIONAL, null))
        .addField(field("value", 2, valueType, Label.LABEL_OPTIONAL, valueTypeName))
        .build();
  }

  private static FieldDescriptorProto field(String name, int number, Type type, Label label, String typeName) {
    FieldDescriptorProto.Builder field = FieldDescriptorProto.newBuilder().setName(name).setNumber(number)
        .setType(type).setLabel(label).setJsonName(name);
    if (typeName != null) {
      field.setTypeName(typeName);
    }
    return field.build();
  }
}
