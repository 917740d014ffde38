package dev.protodec.codegen.model;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.palantir.javapoet.TypeName;

/**
 * The 18 field types and, for each, how it travels: wire type, Java type, and the reader, writer and size
 * methods of the runtime the generated code calls.
 */
public enum Kind {
  DOUBLE(1, TypeName.DOUBLE, "readDouble", "writeDouble", null, 8),
  FLOAT(5, TypeName.FLOAT, "readFloat", "writeFloat", null, 4),
  INT64(0, TypeName.LONG, "readInt64", "writeRawVarint64", "varint64", -1),
  UINT64(0, TypeName.LONG, "readUInt64", "writeRawVarint64", "varint64", -1),
  INT32(0, TypeName.INT, "readInt32", "writeInt32", "int32", -1),
  FIXED64(1, TypeName.LONG, "readFixed64", "writeFixed64", null, 8),
  FIXED32(5, TypeName.INT, "readFixed32", "writeFixed32", null, 4),
  BOOL(0, TypeName.BOOLEAN, "readBool", "writeBool", null, 1),
  STRING(2, null, null, "writeString", "string", -1),
  GROUP(3, null, null, null, null, -1),
  MESSAGE(2, null, null, null, null, -1),
  BYTES(2, null, "readBytes", "writeBytes", "bytes", -1),
  UINT32(0, TypeName.INT, "readUInt32", "writeRawVarint32", "varint32", -1),
  ENUM(0, TypeName.INT, "readEnum", "writeInt32", "int32", -1),
  SFIXED32(5, TypeName.INT, "readSFixed32", "writeFixed32", null, 4),
  SFIXED64(1, TypeName.LONG, "readSFixed64", "writeFixed64", null, 8),
  SINT32(0, TypeName.INT, "readSInt32", "writeSInt32", "sint32", -1),
  SINT64(0, TypeName.LONG, "readSInt64", "writeSInt64", "sint64", -1);

  /** Wire type of one (unpacked) value. */
  public final int wireType;
  /** Java type of a value held in a message (enums are held as their number), null for objects. */
  public final TypeName javaType;
  public final String readMethod;
  public final String writeMethod;
  /** {@code ProtoSizes} method for variable-size values, null for fixed-size ones. */
  public final String sizeMethod;
  /** Encoded size of a fixed-size value, -1 if variable. */
  public final int fixedSize;

  Kind(int wireType, TypeName javaType, String readMethod, String writeMethod, String sizeMethod,
      int fixedSize) {
    this.wireType = wireType;
    this.javaType = javaType;
    this.readMethod = readMethod;
    this.writeMethod = writeMethod;
    this.sizeMethod = sizeMethod;
    this.fixedSize = fixedSize;
  }

  public static Kind of(FieldDescriptorProto.Type type) {
    return values()[type.getNumber() - 1];
  }

  /** Numeric, bool and enum fields may be packed. */
  public boolean isPackable() {
    return wireType != 2 && wireType != 3;
  }

  public boolean isScalar() {
    return javaType != null;
  }

  /** uint32, uint64, fixed32 and fixed64 print as unsigned numbers. */
  public boolean isUnsigned() {
    return this == UINT32 || this == UINT64 || this == FIXED32 || this == FIXED64;
  }

  public boolean is64Bit() {
    return javaType == TypeName.LONG;
  }
}
