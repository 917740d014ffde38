package dev.protodec.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes the protobuf wire format into a growable, reusable {@code byte[]}: {@link #reset()} keeps the
 * array, so encoding into one writer again and again allocates nothing once it is large enough.
 *
 * <p>Encoding is one pass, with no size pass first (in DnsEncode the size pass had been half the time):
 * a nested message's length is filled in after its fields are written ({@link #beginMessage}, {@link
 * #endMessage}). The bytes reserved for that length are what the message's size when it was last written
 * needs, one byte the first time; when the length needs more or fewer, the message's bytes are moved
 * (OtlpEncode: moving every span of 128 bytes or more, always, had cost 13%).
 *
 * <p>The {@code write*} methods do not check for room themselves: the array's own bounds check, which
 * the JVM makes on every store anyway, is the check (a second one per write cost DnsEncode 14%). {@link
 * ProtoMessage#writeTo(ProtoWriter)} catches the {@link ArrayIndexOutOfBoundsException} of a full array
 * (and only when the message did not fit: other failures are not retried), grows the array to the
 * message's computed size and writes the message again. Callers writing values by hand
 * make room first with {@link #ensureCapacity(int)}.
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
    if (count > buffer.length - pos) {
      grow(count);
    }
  }

  /**
   * How many bytes more than its final size writing a message may need at most: each nested message
   * being written may hold up to 4 bytes reserved for its length beyond what the length turns out to need
   * ({@link #beginMessage}), 100 levels deep (the default recursion limit).
   */
  static final int NESTED_LENGTH_SLACK = 4 * ProtoReader.DEFAULT_RECURSION_LIMIT;

  /**
   * Whether an out-of-bounds store while writing {@code needed} bytes from {@code start} can have been
   * this writer running out of room: the message, with the slack reservations may take, did not fit.
   */
  boolean ranOutOfRoom(int start, int needed) {
    return (long) start + needed + NESTED_LENGTH_SLACK > buffer.length;
  }

  /** Moves the write position back to {@code size}, forgetting what was written after it. */
  void truncate(int size) {
    pos = size;
  }

  private void grow(int count) {
    long needed = (long) pos + count;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("message of " + needed + " bytes is too large for a byte[]");
    }
    buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(buffer.length * 2L, Integer.MAX_VALUE - 8)));
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
    putFixed32(buffer, pos, value);
    pos += 4;
  }

  public void writeFixed64(long value) {
    putFixed32(buffer, pos, (int) value);
    putFixed32(buffer, pos + 4, (int) (value >>> 32));
    pos += 8;
  }

  private static void putFixed32(byte[] b, int p, int value) {
    b[p] = (byte) value;
    b[p + 1] = (byte) (value >>> 8);
    b[p + 2] = (byte) (value >>> 16);
    b[p + 3] = (byte) (value >>> 24);
  }

  // ---------------------------------------------------------------------------------------------
  // Length-delimited values of a length not known in advance: nested messages, packed varints

  /**
   * Starts a nested message: reserves room for its length, as many bytes as the size it had when last
   * written or measured needs (one if never), and returns where its fields start, for {@link
   * #endMessage(ProtoMessage, int)}. The last reserved byte holds their number until the length
   * replaces it: the message's remembered size is read once, as another thread writing the same message
   * may change it meanwhile.
   */
  @GeneratedCodeOnly
  public int beginMessage(ProtoMessage<?> message) {
    final int expected = message.cachedSize;
    // a branch, not arithmetic on the size: the write position must not wait for the message's memory
    // to be read (DnsEncode: 11% slower when it did)
    if (expected < 0x80) {
      buffer[pos] = 1;
      return ++pos;
    }
    int reserved = ProtoSizes.varint32(expected);
    pos += reserved;
    buffer[pos - 1] = (byte) reserved;
    return pos;
  }

  /**
   * Ends the nested message whose fields were written from {@code start}: writes its length into the
   * bytes reserved before them, first moving the fields if the length needs more or fewer bytes than
   * were reserved, and remembers the size in the message for the next write.
   */
  @GeneratedCodeOnly
  public void endMessage(ProtoMessage<?> message, int start) {
    int length = pos - start;
    fillLength(start, buffer[start - 1], length);
    if (message.cachedSize != length) {
      message.cachedSize = length;
    }
  }

  /** Starts a packed field of varints: reserves one byte for its length and returns where values start. */
  @GeneratedCodeOnly
  public int beginLengthDelimited() {
    return ++pos;
  }

  /** Ends the packed field whose values were written from {@code start}: writes its length before them. */
  @GeneratedCodeOnly
  public void endLengthDelimited(int start) {
    fillLength(start, 1, pos - start);
  }

  private void fillLength(int start, int reserved, int length) {
    if (length < 0x80 && reserved == 1) {
      buffer[start - 1] = (byte) length;
      return;
    }
    int shift = ProtoSizes.varint32(length) - reserved;
    if (shift != 0) {
      ensureCapacity(shift);
      System.arraycopy(buffer, start, buffer, start + shift, length);
      pos += shift;
    }
    putVarint(buffer, start - reserved, length);
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
    pos = putVarint(buffer, pos, length);
    copy(value.utf8Array(), value.utf8Offset(), length);
  }

  /** Writes the length and the bytes of {@code value}. */
  public void writeBytes(ProtoBytes value) {
    writeRawVarint32(value.length());
    writeRaw(value);
  }

  /** Writes the bytes of {@code value} as they are, without a length: unknown fields. */
  public void writeRaw(ProtoBytes value) {
    copy(value.array(), value.offset(), value.length());
  }

  /**
   * Appends {@code length} bytes of {@code source} from {@code offset}; nothing, not even the arraycopy call, for
   * none: the unknown fields of nearly every message (the check: DnsEncode +7%, OtlpEncode +9%).
   */
  private void copy(byte[] source, int offset, int length) {
    if (length != 0) {
      System.arraycopy(source, offset, buffer, pos, length);
      pos += length;
    }
  }
}
