package dev.protodec.runtime;

/** Wire types, tag arithmetic and ZigZag coding, as the protobuf encoding spec defines them. */
public final class WireFormat {
  public static final int VARINT = 0;
  public static final int FIXED64 = 1;
  public static final int LENGTH_DELIMITED = 2;
  public static final int START_GROUP = 3;
  public static final int END_GROUP = 4;
  public static final int FIXED32 = 5;

  static final int TAG_TYPE_BITS = 3;
  static final int TAG_TYPE_MASK = 7;

  private WireFormat() {}

  public static int makeTag(int fieldNumber, int wireType) {
    return (fieldNumber << TAG_TYPE_BITS) | wireType;
  }

  public static int getTagWireType(int tag) {
    return tag & TAG_TYPE_MASK;
  }

  public static int getTagFieldNumber(int tag) {
    return tag >>> TAG_TYPE_BITS;
  }

  public static int encodeZigZag32(int n) {
    return (n << 1) ^ (n >> 31);
  }

  public static long encodeZigZag64(long n) {
    return (n << 1) ^ (n >> 63);
  }

  public static int decodeZigZag32(int n) {
    return (n >>> 1) ^ -(n & 1);
  }

  public static long decodeZigZag64(long n) {
    return (n >>> 1) ^ -(n & 1);
  }
}
