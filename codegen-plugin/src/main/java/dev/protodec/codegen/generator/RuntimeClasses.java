package dev.protodec.codegen.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.Kind;

/** Every runtime class the generated code names, in one place. */
final class RuntimeClasses {
  private RuntimeClasses() {}

  private static final String RUNTIME = "dev.protodec.runtime";

  static final ClassName PROTO_MESSAGE = ClassName.get(RUNTIME, "ProtoMessage");
  static final ClassName PROTO_READER = ClassName.get(RUNTIME, "ProtoReader");
  static final ClassName PROTO_WRITER = ClassName.get(RUNTIME, "ProtoWriter");
  static final ClassName PROTO_SIZES = ClassName.get(RUNTIME, "ProtoSizes");
  static final ClassName PROTO_PRINTER = ClassName.get(RUNTIME, "ProtoPrinter");
  static final ClassName INVALID_PROTOBUF = ClassName.get(RUNTIME, "InvalidProtobufException");
  static final ClassName UTF8_STRING = ClassName.get(RUNTIME, "Utf8String");
  static final ClassName PROTO_BYTES = ClassName.get(RUNTIME, "ProtoBytes");
  static final ClassName REPEATED_INT = ClassName.get(RUNTIME, "RepeatedInt");
  static final ClassName REPEATED_LONG = ClassName.get(RUNTIME, "RepeatedLong");
  static final ClassName REPEATED_FLOAT = ClassName.get(RUNTIME, "RepeatedFloat");
  static final ClassName REPEATED_DOUBLE = ClassName.get(RUNTIME, "RepeatedDouble");
  static final ClassName REPEATED_BOOLEAN = ClassName.get(RUNTIME, "RepeatedBoolean");
  static final ClassName REPEATED_STRING = ClassName.get(RUNTIME, "RepeatedString");
  static final ClassName REPEATED_BYTES = ClassName.get(RUNTIME, "RepeatedBytes");
  static final ClassName REPEATED_MESSAGE = ClassName.get(RUNTIME, "RepeatedMessage");

  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName INPUT_STREAM = ClassName.get("java.io", "InputStream");
  static final ClassName BYTE_BUFFER = ClassName.get("java.nio", "ByteBuffer");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

  /** The Java type a field's value is held in (one element, for repeated fields). */
  static TypeName valueType(FieldInfo field) {
    return switch (field.kind) {
      case STRING -> UTF8_STRING;
      case BYTES -> PROTO_BYTES;
      case MESSAGE, GROUP -> field.messageType().className;
      default -> field.kind.javaType;
    };
  }

  /** The container of a repeated field. */
  static TypeName repeatedType(FieldInfo field) {
    Kind kind = field.kind;
    return switch (kind) {
      case STRING -> REPEATED_STRING;
      case BYTES -> REPEATED_BYTES;
      case MESSAGE, GROUP ->
          ParameterizedTypeName.get(REPEATED_MESSAGE, field.messageType().className);
      case DOUBLE -> REPEATED_DOUBLE;
      case FLOAT -> REPEATED_FLOAT;
      case BOOL -> REPEATED_BOOLEAN;
      default -> kind.is64Bit() ? REPEATED_LONG : REPEATED_INT;
    };
  }

  /** The boxed type of a map key or value, for {@code getXMap()}. */
  static TypeName boxedType(FieldInfo field) {
    return switch (field.kind) {
      case STRING -> ClassName.get(String.class);
      case ENUM -> field.enumType().className;
      default -> valueType(field).box();
    };
  }
}
