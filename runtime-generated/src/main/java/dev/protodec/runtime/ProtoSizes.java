package dev.protodec.runtime;

/** Encoded sizes of field values (without their tag), for {@code computeSerializedSize()}. */
public final class ProtoSizes {
  private ProtoSizes() {}

  /** Size of {@code value} as an unsigned 32-bit varint. */
  public static int varint32(int value) {
    // one byte per started group of 7 bits; 0 takes one byte
    return (352 - Integer.numberOfLeadingZeros(value) * 9) >>> 6;
  }

  /** Size of {@code value} as a 64-bit varint. */
  public static int varint64(long value) {
    return (640 - Long.numberOfLeadingZeros(value) * 9) >>> 6;
  }

  /** int32 and enum: negative values take ten bytes. */
  public static int int32(int value) {
    return value >= 0 ? varint32(value) : 10;
  }

  public static int sint32(int value) {
    return varint32(WireFormat.encodeZigZag32(value));
  }

  public static int sint64(long value) {
    return varint64(WireFormat.encodeZigZag64(value));
  }

  /** Length prefix plus content of a length-delimited value of {@code length} bytes. */
  public static int lengthDelimited(int length) {
    return varint32(length) + length;
  }

  public static int string(Utf8String value) {
    return lengthDelimited(value.utf8Length());
  }

  public static int bytes(ProtoBytes value) {
    return lengthDelimited(value.length());
  }
}
