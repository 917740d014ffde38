package dev.protodec.runtime;

import java.util.Arrays;

/**
 * A {@code bytes} field's value (and a message's unknown fields): a reusable, growable byte array.
 * {@link #clear()} keeps the array, so re-parsing a same-sized value allocates nothing.
 *
 * <p>A reader in zero-copy mode ({@link ProtoReader#setZeroCopy}) does not copy a {@code bytes} field:
 * the value then refers to the reader's input ({@link #refersToInput()}) until {@link #detach()} or a
 * write copies it in.
 */
public final class ProtoBytes {
  private static final byte[] EMPTY = new byte[0];

  /** This value's own storage, reused from value to value. */
  private byte[] own = EMPTY;
  /** Where the bytes are: {@link #own} (from index 0), or a parsed input (zero-copy). */
  private byte[] bytes = EMPTY;
  private int offset;
  private int length;

  public ProtoBytes() {}

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
    return bytes[offset + index];
  }

  /**
   * The array holding the {@link #length()} bytes from index {@link #offset()}: this value's own storage,
   * or the parsed input in zero-copy mode. Do not modify; it is reused by the next parse.
   */
  public byte[] array() {
    return bytes;
  }

  /** Where in {@link #array()} the bytes start: 0 unless the value refers to a parsed input. */
  public int offset() {
    return offset;
  }

  public byte[] toByteArray() {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  /** Empties the value; its own storage is kept, a parsed input it referred to is let go. */
  public void clear() {
    length = 0;
    if (bytes != own) { // a zero-copy value: let go of the input
      bytes = own;
      offset = 0;
    }
  }

  /** Refers to {@code source[offset, offset + count)} without copying (zero-copy parse). */
  void refer(byte[] source, int offset, int count) {
    this.bytes = source;
    this.offset = offset;
    this.length = count;
  }

  /**
   * True while the value refers to a parsed input instead of holding its own copy (a zero-copy parse):
   * the input must then stay unchanged for as long as the value is used.
   */
  public boolean refersToInput() {
    return bytes != own && length > 0;
  }

  /** Makes the value self-contained: bytes it refers to in a parsed input are copied into its own storage. */
  public void detach() {
    if (bytes != own) {
      ensureCapacity(length); // moves the value into its own storage
    }
  }

  public void set(byte[] value) {
    copyFrom(value, 0, value.length);
  }

  public void copyFrom(byte[] source, int offset, int count) {
    clear();
    append(source, offset, count);
  }

  public void copyFrom(ProtoBytes other) {
    if (other == this) {
      return;
    }
    copyFrom(other.bytes, other.offset, other.length);
  }

  public void append(byte[] source, int offset, int count) {
    ensureCapacity(length + count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
  }

  /** Makes the own storage hold at least {@code capacity} bytes and the value (moved there if it was not). */
  void ensureCapacity(int capacity) {
    if (bytes != own) { // a zero-copy value about to be written: its bytes move to its own storage
      byte[] source = bytes;
      if (own.length < capacity) {
        own = new byte[Math.max(capacity, own.length * 2)];
      }
      System.arraycopy(source, offset, own, 0, length);
      bytes = own;
      offset = 0;
      return;
    }
    if (own.length < capacity) {
      own = Arrays.copyOf(own, Math.max(capacity, own.length * 2));
      bytes = own;
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
    return Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProtoBytes && contentEquals((ProtoBytes) o);
  }

  @Override
  public int hashCode() {
    return hash(bytes, offset, length);
  }

  /** Hash of {@code bytes[offset, offset + length)}: shared with {@link Utf8String}, whose equality is by bytes too. */
  static int hash(byte[] bytes, int offset, int length) {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  @Override
  public String toString() {
    return TextEscaper.escapeBytes(bytes, offset, length);
  }
}
