package dev.protodec.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes the protobuf wire format into a growable, reusable {@code byte[]}: {@link #reset()} keeps the
 * array, so encoding into one writer again and again allocates nothing once it is large enough.
 *
 * <p>{@link ProtoMessage#writeTo(ProtoWriter)} computes the message's size first and reserves it with
 * {@link #ensureCapacity(int)}; the {@code write*} methods that follow do no capacity checks of their
 * own (the array's bounds check still guards memory). Callers writing fields by hand reserve first.
 */
public final class ProtoWriter {
  private byte[] buffer;
  private int pos;

  private ProtoWriter(int capacity) {
    this.buffer = new byte[capacity];
  }

  public static ProtoWriter newInstance() {
    return new ProtoWriter(256);
  }

  public static ProtoWriter newInstance(int initialCapacity) {
    return new ProtoWriter(initialCapacity);
  }

  /** Forgets what was written; keeps the array. */
  public ProtoWriter reset() {
    pos = 0;
    return this;
  }

  /** Bytes written since the last reset. */
  public int size() {
    return pos;
  }

  /** The backing array, holding {@link #size()} written bytes from index 0. */
  public byte[] array() {
    return buffer;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, pos);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(buffer, 0, pos);
  }

  /** Makes room for {@code count} more bytes. */
  public void ensureCapacity(int count) {
    long needed = (long) pos + count;
    if (needed > buffer.length) {
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("message of " + needed + " bytes is too large for a byte[]");
      }
      buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(buffer.length * 2L, Integer.MAX_VALUE - 8)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Raw values

  public void writeRawByte(int value) {
    buffer[pos++] = (byte) value;
  }

  /** Writes {@code value} as an unsigned varint (1-5 bytes): tags, lengths, uint32. */
  public void writeRawVarint32(int value) {
    pos = putVarint(buffer, pos, value);
  }

  public void writeRawVarint64(long value) {
    pos = putVarint(buffer, pos, value);
  }

  /** Writes {@code value} at {@code offset} as an unsigned 32-bit varint; returns the offset after it. */
  static int putVarint(byte[] b, int offset, int value) {
    int p = offset;
    while ((value & ~0x7F) != 0) {
      b[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    return p;
  }

  static int putVarint(byte[] b, int offset, long value) {
    int p = offset;
    while ((value & ~0x7FL) != 0) {
      b[p++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    b[p++] = (byte) value;
    return p;
  }

  public void writeFixed32(int value) {
    final byte[] b = buffer;
    int p = pos;
    b[p] = (byte) value;
    b[p + 1] = (byte) (value >>> 8);
    b[p + 2] = (byte) (value >>> 16);
    b[p + 3] = (byte) (value >>> 24);
    pos = p + 4;
  }

  public void writeFixed64(long value) {
    writeFixed32((int) value);
    writeFixed32((int) (value >>> 32));
  }

  // ---------------------------------------------------------------------------------------------
  // Field values (without tag)

  public void writeTag(int tag) {
    writeRawVarint32(tag);
  }

  /** int32 and enum values: negative numbers are sign-extended to ten bytes, as the spec requires. */
  public void writeInt32(int value) {
    if (value >= 0) {
      writeRawVarint32(value);
    } else {
      writeRawVarint64(value);
    }
  }

  public void writeSInt32(int value) {
    writeRawVarint32(WireFormat.encodeZigZag32(value));
  }

  public void writeSInt64(long value) {
    writeRawVarint64(WireFormat.encodeZigZag64(value));
  }

  public void writeBool(boolean value) {
    buffer[pos++] = (byte) (value ? 1 : 0);
  }

  public void writeFloat(float value) {
    writeFixed32(Float.floatToRawIntBits(value));
  }

  public void writeDouble(double value) {
    writeFixed64(Double.doubleToRawLongBits(value));
  }

  /** Writes the length and the UTF-8 bytes of {@code value}. */
  public void writeString(Utf8String value) {
    int length = value.utf8Length();
    writeRawVarint32(length);
    System.arraycopy(value.utf8Array(), 0, buffer, pos, length);
    pos += length;
  }

  /** Writes the length and the bytes of {@code value}. */
  public void writeBytes(ProtoBytes value) {
    writeRawVarint32(value.length());
    writeRaw(value);
  }

  /** Writes the bytes of {@code value} as they are, without a length: unknown fields. */
  public void writeRaw(ProtoBytes value) {
    int length = value.length();
    System.arraycopy(value.array(), 0, buffer, pos, length);
    pos += length;
  }
}
