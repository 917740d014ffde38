package dev.protodec.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads the protobuf wire format from a {@code byte[]}. One reader can be reused for any number of inputs
 * ({@link #wrap(byte[])}); it keeps its scratch buffer, so reading from a direct {@link ByteBuffer} or an
 * {@link InputStream} allocates only while that buffer grows.
 *
 * <p>Sources and their trade-offs:
 *
 * <ul>
 *   <li>{@code byte[]} and heap {@code ByteBuffer}: read in place, no copy.
 *   <li>direct {@code ByteBuffer}: copied once into the reader's scratch array (one {@code memcpy}), then
 *       read as an array; this keeps a single monomorphic read path, which the JIT compiles best.
 *   <li>{@code InputStream}: read to its end into the scratch array, bounded by the size limit.
 * </ul>
 *
 * <p>Limits: nested messages and groups, known or unknown, count against the recursion limit (default
 * {@value #DEFAULT_RECURSION_LIMIT}); the input length counts against the size limit (default unlimited).
 * Every failure is an {@link InvalidProtobufException} with the byte offset, never an index or stack
 * overflow error.
 *
 * <p>Zero-copy mode ({@link #setZeroCopy}, off by default), for input the application trusts: string
 * and {@code bytes} fields refer to the input array instead of copying it, and a string that must be
 * valid UTF-8 is checked when it is first decoded rather than during the parse. Every tag, length,
 * limit and other malformed-input check stays as strict. It applies to {@code byte[]} and heap {@code
 * ByteBuffer} input; a direct buffer or a stream goes through the reader's scratch array, which the
 * next {@code wrap} overwrites, so those are copied and checked as in the default mode. The contract
 * is in {@code docs/generated-api.md}.
 *
 * <p>Generated code calls the low-level methods here; applications mostly need {@link #wrap}, {@link
 * #parseInto} and the two limits.
 */
public final class ProtoReader {
  public static final int DEFAULT_RECURSION_LIMIT = 100;

  private byte[] buffer = EMPTY;
  /** Index in {@link #buffer} of the input's first byte: offsets in errors are relative to it. */
  private int base;
  private int pos;
  /** End of the message being read: the current limit, never past the input's end. */
  private int limit;
  private int lastTag;
  /** Start and end of the last tag of more than one byte (tags of one byte record nothing). */
  private int longTagStart;
  private int longTagEnd = -1;
  private int depth;
  private int recursionLimit = DEFAULT_RECURSION_LIMIT;
  private int sizeLimit = Integer.MAX_VALUE;
  private byte[] scratch = EMPTY;
  /** Zero-copy mode as set by {@link #setZeroCopy}. */
  private boolean zeroCopy;
  /** Strings and bytes refer to {@link #buffer}: zero-copy mode, and the input is the caller's array. */
  private boolean aliasInput;

  private static final byte[] EMPTY = new byte[0];

  private ProtoReader() {}

  /** A reader with no input yet; give it one with {@code wrap}. */
  public static ProtoReader newInstance() {
    return new ProtoReader();
  }

  /** A new reader over {@code data}. */
  public static ProtoReader of(byte[] data) throws InvalidProtobufException {
    return new ProtoReader().wrap(data, 0, data.length);
  }

  /** A new reader over the remaining bytes of {@code data} (its position is left unchanged). */
  public static ProtoReader of(ByteBuffer data) throws InvalidProtobufException {
    return new ProtoReader().wrap(data);
  }

  /** A new reader over everything {@code in} holds until its end. */
  public static ProtoReader of(InputStream in) throws IOException {
    return new ProtoReader().wrap(in);
  }

  public ProtoReader setRecursionLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("recursion limit must be >= 0, was " + limit);
    }
    this.recursionLimit = limit;
    return this;
  }

  public ProtoReader setSizeLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("size limit must be >= 0, was " + limit);
    }
    this.sizeLimit = limit;
    return this;
  }

  /**
   * Zero-copy mode on or off (off by default) for this and later inputs. On: string and {@code bytes}
   * fields of what this reader parses refer to the input array instead of copying it, and strings that
   * must be valid UTF-8 are checked on first decode ({@link Utf8String#toString()} throws {@link
   * UncheckedInvalidProtobufException}) instead of during the parse. The parsed messages must then not
   * outlive the input nor see it change; {@code detach()} on a message makes it self-contained.
   */
  public ProtoReader setZeroCopy(boolean on) {
    this.zeroCopy = on;
    this.aliasInput = on && buffer != scratch;
    return this;
  }

  /** True in zero-copy mode ({@link #setZeroCopy}). */
  public boolean isZeroCopy() {
    return zeroCopy;
  }

  public ProtoReader wrap(byte[] data) throws InvalidProtobufException {
    return wrap(data, 0, data.length);
  }

  public ProtoReader wrap(byte[] data, int offset, int length) throws InvalidProtobufException {
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new IndexOutOfBoundsException(
          "offset " + offset + ", length " + length + " outside array of " + data.length);
    }
    if (length > sizeLimit) {
      throw InvalidProtobufException.sizeLimitExceeded(length, sizeLimit);
    }
    this.buffer = data;
    this.aliasInput = zeroCopy && data != scratch;
    this.base = offset;
    this.pos = offset;
    this.limit = offset + length;
    this.lastTag = 0;
    this.longTagEnd = -1;
    this.depth = 0;
    return this;
  }

  public ProtoReader wrap(ByteBuffer data) throws InvalidProtobufException {
    int length = data.remaining();
    if (data.hasArray()) {
      return wrap(data.array(), data.arrayOffset() + data.position(), length);
    }
    if (length > sizeLimit) {
      throw InvalidProtobufException.sizeLimitExceeded(length, sizeLimit);
    }
    byte[] copy = scratchOfSize(length);
    data.get(data.position(), copy, 0, length);
    return wrap(copy, 0, length);
  }

  public ProtoReader wrap(InputStream in) throws IOException {
    int length = 0;
    byte[] copy = scratchOfSize(Math.min(8192, sizeLimit == Integer.MAX_VALUE ? 8192 : sizeLimit + 1));
    while (true) {
      if (length == copy.length) {
        if (length > sizeLimit) {
          throw InvalidProtobufException.sizeLimitExceeded(length, sizeLimit);
        }
        copy = growScratch(length);
      }
      int n = in.read(copy, length, copy.length - length);
      if (n < 0) {
        break;
      }
      length += n;
    }
    if (length > sizeLimit) {
      throw InvalidProtobufException.sizeLimitExceeded(length, sizeLimit);
    }
    return wrap(copy, 0, length);
  }

  private byte[] scratchOfSize(int size) {
    if (scratch.length < size) {
      scratch = new byte[Math.max(size, scratch.length * 2)];
    }
    return scratch;
  }

  private byte[] growScratch(int used) throws InvalidProtobufException {
    long grown = Math.max(8192L, scratch.length * 2L);
    int size = (int) Math.min(grown, (long) Integer.MAX_VALUE - 8);
    if (size <= used) {
      throw InvalidProtobufException.sizeLimitExceeded(used, Integer.MAX_VALUE - 8);
    }
    byte[] bigger = new byte[size];
    System.arraycopy(scratch, 0, bigger, 0, used);
    scratch = bigger;
    return bigger;
  }

  /**
   * Merges the whole input into {@code message}, then checks that it ended cleanly and that every
   * required field is set.
   */
  public <M extends ProtoMessage<?>> M parseInto(M message) throws InvalidProtobufException {
    parsePartialInto(message);
    message.checkInitialized();
    return message;
  }

  /** Like {@link #parseInto} but accepts a message whose required fields are missing. */
  public <M extends ProtoMessage<?>> M parsePartialInto(M message) throws InvalidProtobufException {
    message.mergeFrom(this);
    checkLastTagWas(0);
    return message;
  }

  // ---------------------------------------------------------------------------------------------
  // Position, limits, tags

  /** Byte offset of the next byte from the start of the input. */
  public int offset() {
    return pos - base;
  }

  /**
   * How the message read last ended: 0 at its end (or limit), else the end-group tag that ended it. Only
   * meaningful once a {@code mergeFrom} has returned; set by {@link #readTag()} at the end and by {@link
   * #skipField} at an end-group tag, not for every tag (one store less per field).
   */
  public int getLastTag() {
    return lastTag;
  }

  /** True when the current message (or the input) has no more bytes. */
  public boolean isAtEnd() {
    return pos == limit;
  }

  /**
   * Reads the next tag, or returns 0 at the end of the current message. A tag whose field number is 0 is
   * an error.
   */
  public int readTag() throws InvalidProtobufException {
    int p = pos;
    if (p == limit) {
      lastTag = 0;
      return 0;
    }
    int tag = buffer[p];
    if (tag >= 8) {
      // one-byte tag with a field number: the common case in every schema with fields 1-15
      pos = p + 1;
      return tag;
    }
    tag = readRawVarint32();
    if ((tag >>> 3) == 0) {
      throw InvalidProtobufException.invalidTag(p - base);
    }
    longTagStart = p;
    longTagEnd = pos;
    return tag;
  }

  /**
   * Where the tag just read starts: one byte back, unless it was a tag of more bytes, so that one-byte
   * tags, nearly all of them, store nothing. Positions only grow while a message is read, so a tag of
   * more bytes is the one just read exactly when it ended here.
   */
  private int tagStart() {
    return pos == longTagEnd ? longTagStart : pos - 1;
  }

  public void checkLastTagWas(int expected) throws InvalidProtobufException {
    if (lastTag != expected) {
      throw InvalidProtobufException.invalidEndTag(pos - base, expected, lastTag);
    }
  }

  /**
   * Starts a length-delimited nested message: reads its length, checks the recursion limit and narrows
   * the limit to the message. Returns the outer limit, to give back to {@link #exitMessage(int)}.
   */
  @GeneratedCodeOnly
  public int enterMessage() throws InvalidProtobufException {
    int start = pos;
    int length = readRawVarint32();
    if (depth >= recursionLimit) {
      throw InvalidProtobufException.recursionLimitExceeded(start - base, recursionLimit);
    }
    int outer = pushLimit(start, length);
    depth++;
    return outer;
  }

  /** Ends a nested message: it must have ended at its limit, not at an end-group tag. */
  @GeneratedCodeOnly
  public void exitMessage(int outerLimit) throws InvalidProtobufException {
    checkLastTagWas(0);
    depth--;
    limit = outerLimit;
  }

  /** Starts a group (its start tag has been read): checks the recursion limit. */
  @GeneratedCodeOnly
  public void enterGroup() throws InvalidProtobufException {
    if (depth >= recursionLimit) {
      throw InvalidProtobufException.recursionLimitExceeded(tagStart() - base, recursionLimit);
    }
    depth++;
  }

  /** Ends a group: it must have ended at the end-group tag of its own field. */
  @GeneratedCodeOnly
  public void exitGroup(int fieldNumber) throws InvalidProtobufException {
    checkLastTagWas(WireFormat.makeTag(fieldNumber, WireFormat.END_GROUP));
    depth--;
  }

  /** Starts a packed repeated field: reads its length and narrows the limit to it. */
  @GeneratedCodeOnly
  public int enterPacked() throws InvalidProtobufException {
    int start = pos;
    return pushLimit(start, readRawVarint32());
  }

  @GeneratedCodeOnly
  public void exitPacked(int outerLimit) {
    limit = outerLimit;
  }

  private int pushLimit(int start, int length) throws InvalidProtobufException {
    checkLength(start, length);
    int outer = limit;
    limit = pos + length;
    return outer;
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars

  public int readInt32() throws InvalidProtobufException {
    return readRawVarint32();
  }

  public long readInt64() throws InvalidProtobufException {
    return readRawVarint64();
  }

  public int readUInt32() throws InvalidProtobufException {
    return readRawVarint32();
  }

  public long readUInt64() throws InvalidProtobufException {
    return readRawVarint64();
  }

  public int readSInt32() throws InvalidProtobufException {
    return WireFormat.decodeZigZag32(readRawVarint32());
  }

  public long readSInt64() throws InvalidProtobufException {
    return WireFormat.decodeZigZag64(readRawVarint64());
  }

  public int readEnum() throws InvalidProtobufException {
    return readRawVarint32();
  }

  public boolean readBool() throws InvalidProtobufException {
    return readRawVarint64() != 0;
  }

  public int readFixed32() throws InvalidProtobufException {
    int p = pos;
    if (limit - p < 4) {
      throw InvalidProtobufException.truncated(p - base);
    }
    final byte[] b = buffer;
    pos = p + 4;
    return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
  }

  public long readFixed64() throws InvalidProtobufException {
    int p = pos;
    if (limit - p < 8) {
      throw InvalidProtobufException.truncated(p - base);
    }
    final byte[] b = buffer;
    pos = p + 8;
    return (b[p] & 0xFFL)
        | (b[p + 1] & 0xFFL) << 8
        | (b[p + 2] & 0xFFL) << 16
        | (b[p + 3] & 0xFFL) << 24
        | (b[p + 4] & 0xFFL) << 32
        | (b[p + 5] & 0xFFL) << 40
        | (b[p + 6] & 0xFFL) << 48
        | (b[p + 7] & 0xFFL) << 56;
  }

  public int readSFixed32() throws InvalidProtobufException {
    return readFixed32();
  }

  public long readSFixed64() throws InvalidProtobufException {
    return readFixed64();
  }

  public float readFloat() throws InvalidProtobufException {
    return Float.intBitsToFloat(readFixed32());
  }

  public double readDouble() throws InvalidProtobufException {
    return Double.longBitsToDouble(readFixed64());
  }

  /**
   * Reads a varint and keeps its low 32 bits, as protobuf-java does for 32-bit fields and lengths.
   * Varints of up to five bytes (every non-negative int: tags, lengths, TTLs, ids) are decoded inline,
   * also in the last bytes of a message as long as the array has five bytes left; longer ones (negative
   * int32) and those that would run past the message take the loop (DnsDecodeLight: the loop for 3-byte
   * ids and TTLs cost 6% of the time; the loop for the varints in a message's last five bytes had 9% of
   * the samples).
   */
  public int readRawVarint32() throws InvalidProtobufException {
    final int p = pos;
    if (p < limit) {
      int x = buffer[p];
      if (x >= 0) {
        pos = p + 1;
        return x;
      }
    }
    return readRawVarint32OfMoreBytes();
  }

  /** The rest of {@link #readRawVarint32()}, kept out of it so that the one-byte case inlines small. */
  private int readRawVarint32OfMoreBytes() throws InvalidProtobufException {
    final int p = pos;
    final byte[] b = buffer;
    if (p < limit) {
      int x = b[p];
      if (b.length - p >= 5) {
        x &= 0x7F;
        int next = b[p + 1];
        x |= (next & 0x7F) << 7;
        int end = p + 2;
        if (next < 0) {
          next = b[p + 2];
          x |= (next & 0x7F) << 14;
          end = p + 3;
          if (next < 0) {
            next = b[p + 3];
            x |= (next & 0x7F) << 21;
            end = p + 4;
            if (next < 0) {
              next = b[p + 4];
              x |= next << 28;
              end = p + 5;
            }
          }
        }
        if (next >= 0 && end <= limit) {
          pos = end;
          return x;
        }
      }
    }
    return (int) readRawVarint64Slow();
  }

  /**
   * Reads a 64-bit varint (int64, uint64, sint64, bool). Like protobuf-java, a tenth byte always ends
   * the varint and only its lowest bit counts.
   */
  public long readRawVarint64() throws InvalidProtobufException {
    int p = pos;
    if (p < limit) {
      int b0 = buffer[p];
      if (b0 >= 0) {
        pos = p + 1;
        return b0;
      }
    }
    final byte[] b = buffer;
    final int start = p;
    long result = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      if (p >= limit) {
        throw InvalidProtobufException.truncated(start - base);
      }
      int next = b[p++];
      result |= (long) (next & 0x7F) << shift;
      if (next >= 0) {
        pos = p;
        return result;
      }
    }
    if (p >= limit) {
      throw InvalidProtobufException.truncated(start - base);
    }
    // protobuf-java's rule for the tenth byte, measured against protobuf-java 4.36.2: only its lowest
    // bit counts, and it is malformed only when it has the continuation bit and that lowest bit is 0
    int last = b[p++];
    if (last < 0 && (last & 1) == 0) {
      throw InvalidProtobufException.malformedVarint(start - base);
    }
    result |= (long) (last & 1) << 63;
    pos = p;
    return result;
  }

  /** Reads a varint of at most ten bytes, the tenth without continuation bit (32-bit values, lengths, tags). */
  private long readRawVarint64Slow() throws InvalidProtobufException {
    final byte[] b = buffer;
    final int start = pos;
    int p = start;
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= limit) {
        throw InvalidProtobufException.truncated(start - base);
      }
      int next = b[p++];
      result |= (long) (next & 0x7F) << shift;
      if (next >= 0) {
        pos = p;
        return result;
      }
    }
    throw InvalidProtobufException.malformedVarint(start - base);
  }

  // ---------------------------------------------------------------------------------------------
  // Strings, bytes

  /** Reads a string field into {@code value} without checking its UTF-8 (proto2 semantics). */
  public void readString(Utf8String value) throws InvalidProtobufException {
    int length = readLength();
    if (aliasInput) {
      value.refer(buffer, pos, length, null);
    } else {
      value.setUtf8(buffer, pos, length, false);
    }
    pos += length;
  }

  /**
   * Reads a string field into {@code value}, rejecting invalid UTF-8 (proto3 semantics); in zero-copy
   * mode the check is left to the value's first decode.
   *
   * @param field the field's full name ({@code package.Message.field}), for the error
   */
  public void readStringRequireUtf8(Utf8String value, String field) throws InvalidProtobufException {
    int start = pos;
    int length = readLength();
    if (aliasInput) {
      value.refer(buffer, pos, length, field);
    } else if (value.setCheckedUtf8(buffer, pos, length) == Utf8.INVALID) {
      throw InvalidProtobufException.invalidUtf8(start - base, field);
    }
    pos += length;
  }

  public void readBytes(ProtoBytes value) throws InvalidProtobufException {
    int length = readLength();
    if (aliasInput) {
      value.refer(buffer, pos, length);
    } else {
      value.copyFrom(buffer, pos, length);
    }
    pos += length;
  }

  private int readLength() throws InvalidProtobufException {
    int start = pos;
    int length = readRawVarint32();
    checkLength(start, length);
    return length;
  }

  /** A length read at {@code start} must be non-negative and fit in what is left of the message. */
  private void checkLength(int start, int length) throws InvalidProtobufException {
    if (length < 0) {
      throw InvalidProtobufException.negativeSize(start - base, length);
    }
    if (length > limit - pos) {
      throw InvalidProtobufException.truncated(start - base);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Unknown fields

  /**
   * Skips the field whose tag was just read, appending its bytes (tag included) to {@code unknown}
   * unless that is null. Returns false, skipping nothing, when the tag is an end-group tag: the caller's
   * message or group ends there.
   */
  public boolean skipField(int tag, ProtoBytes unknown) throws InvalidProtobufException {
    int start = tagStart();
    if (!skipFieldBody(tag)) {
      return false;
    }
    if (unknown != null) {
      unknown.append(buffer, start, pos - start);
    }
    return true;
  }

  /** Where the field whose tag was just read starts, for {@link #copyFieldSince}. */
  @GeneratedCodeOnly
  public int fieldStart() {
    return tagStart();
  }

  /**
   * Appends everything from {@code start} (a {@link #fieldStart()}) to the current position to {@code
   * unknown}: a field that was parsed but has to be kept as unknown (a map entry whose closed-enum value
   * is unknown).
   */
  @GeneratedCodeOnly
  public void copyFieldSince(int start, ProtoBytes unknown) {
    unknown.append(buffer, start, pos - start);
  }

  private boolean skipFieldBody(int tag) throws InvalidProtobufException {
    switch (tag & 7) {
      case WireFormat.VARINT:
        // protobuf-java keeps unknown varints with readInt64, so its tenth-byte rule applies here too
        readRawVarint64();
        return true;
      case WireFormat.FIXED64:
        skipRaw(8);
        return true;
      case WireFormat.LENGTH_DELIMITED:
        int length = readLength();
        pos += length;
        return true;
      case WireFormat.START_GROUP:
        skipGroup(tag >>> 3);
        return true;
      case WireFormat.END_GROUP:
        lastTag = tag;
        return false;
      case WireFormat.FIXED32:
        skipRaw(4);
        return true;
      default:
        throw InvalidProtobufException.invalidWireType(tagStart() - base, tag);
    }
  }

  /** Skips an unknown group; its nesting counts against the recursion limit like a known one's. */
  private void skipGroup(int fieldNumber) throws InvalidProtobufException {
    enterGroup();
    while (true) {
      int tag = readTag();
      if (tag == 0 || !skipFieldBody(tag)) {
        break;
      }
    }
    exitGroup(fieldNumber);
  }

  private void skipRaw(int n) throws InvalidProtobufException {
    if (limit - pos < n) {
      throw InvalidProtobufException.truncated(pos - base);
    }
    pos += n;
  }
}
