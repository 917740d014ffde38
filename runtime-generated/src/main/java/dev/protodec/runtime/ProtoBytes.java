package dev.protodec.runtime;

import java.util.Arrays;

/**
 * A {@code bytes} field's value (and a message's unknown fields): a reusable, growable byte array.
 * {@link #clear()} keeps the array, so re-parsing a same-sized value allocates nothing.
 */
public final class ProtoBytes {
  private static final byte[] EMPTY = new byte[0];

  private byte[] bytes;
  private int length;

  public ProtoBytes() {
    this.bytes = EMPTY;
  }

  /** A value holding a copy of {@code value}; used for proto2 defaults. */
  public static ProtoBytes of(byte[] value) {
    ProtoBytes b = new ProtoBytes();
    b.copyFrom(value, 0, value.length);
    return b;
  }

  public int length() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  public byte get(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", length " + length);
    }
    return bytes[index];
  }

  /** The backing array, holding {@link #length()} valid bytes from index 0. Reused by the next parse. */
  public byte[] array() {
    return bytes;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  public void clear() {
    length = 0;
  }

  public void set(byte[] value) {
    copyFrom(value, 0, value.length);
  }

  public void copyFrom(byte[] source, int offset, int count) {
    length = 0;
    append(source, offset, count);
  }

  public void copyFrom(ProtoBytes other) {
    copyFrom(other.bytes, 0, other.length);
  }

  public void append(byte[] source, int offset, int count) {
    ensureCapacity(length + count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  void ensureCapacity(int capacity) {
    if (bytes.length < capacity) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }

  /** Appends a varint field (tag and value); used for unknown values of closed enums. */
  @GeneratedCodeOnly
  public void appendVarintField(int fieldNumber, long value) {
    ensureCapacity(length + 15);
    length = ProtoWriter.putVarint(bytes, length, WireFormat.makeTag(fieldNumber, WireFormat.VARINT));
    length = ProtoWriter.putVarint(bytes, length, value);
  }

  public boolean contentEquals(ProtoBytes other) {
    return Arrays.equals(bytes, 0, length, other.bytes, 0, other.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtoBytes && contentEquals((ProtoBytes) o);
  }

  @Override
  public int hashCode() {
    return hash(bytes, length);
  }

  /** Hash of {@code bytes[0, length)}: shared with {@link Utf8String}, whose equality is by bytes too. */
  static int hash(byte[] bytes, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  @Override
  public String toString() {
    return TextEscaper.escapeBytes(bytes, length);
  }
}
