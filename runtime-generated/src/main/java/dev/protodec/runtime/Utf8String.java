package dev.protodec.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A string field's value, kept as UTF-8 bytes until a {@link String} is asked for, then cached. Reusable:
 * {@link #clear()} keeps the byte array, so re-parsing a same-sized string allocates nothing.
 *
 * <p>The UTF-8 bytes are always there: bytes from the wire ({@link #setUtf8}) are copied in, a Java string
 * ({@link #set(String)}) is encoded at once (it is kept too). So reads never write but for the cached
 * {@code String}, an immutable object stored in one field (a benign race, as {@code String.hashCode}'s):
 * once set, a value may be read by any number of threads at once.
 *
 * <p>A reader in zero-copy mode ({@link ProtoReader#setZeroCopy}) does not copy: the value then refers
 * to the reader's input ({@link #refersToInput()}), and a string that must be valid UTF-8 is checked when
 * it is first decoded ({@link #toString()}), which throws {@link UncheckedInvalidProtobufException}
 * naming the field if it is not. {@link #detach()} copies the bytes in; any write does too.
 */
public final class Utf8String {
  private static final byte[] EMPTY = new byte[0];

  /** This string's own storage, reused from value to value. */
  private byte[] own = EMPTY;
  /** Where the value's bytes are: {@link #own} (from index 0), or a parsed input (zero-copy). */
  private byte[] bytes = EMPTY;
  private int offset;
  private int length;
  /** The bytes are known to be ASCII: {@link #toString()} copies them without decoding. */
  private boolean ascii = true;
  /**
   * The full name of the field whose value this is, while its UTF-8 is still to be checked (a
   * zero-copy parse of a field that requires valid UTF-8); null once checked or when none is needed.
   */
  private String uncheckedField;
  private String string = "";

  public static Utf8String of(String value) {
    Utf8String s = new Utf8String();
    s.set(value);
    return s;
  }

  /** Copies UTF-8 bytes in; the cached {@code String} is dropped. */
  public void setUtf8(byte[] source, int offset, int length) {
    setUtf8(source, offset, length, false);
  }

  /**
   * Copies UTF-8 bytes in; {@code knownAscii} says the caller checked they are all ASCII (the parser
   * knows it from its UTF-8 check), which makes {@link #toString()} a plain copy. Package-private: a
   * wrong {@code knownAscii} would make {@code toString()} wrong, and only the reader knows it.
   */
  void setUtf8(byte[] source, int offset, int length, boolean knownAscii) {
    System.arraycopy(source, offset, storage(length), 0, length);
    holdUtf8(length, knownAscii);
  }

  /**
   * Copies UTF-8 bytes in and checks them in the same pass; returns {@link Utf8#INVALID}, {@link
   * Utf8#ASCII} or {@link Utf8#VALID}. After INVALID the content is the bytes as given.
   */
  int setCheckedUtf8(byte[] source, int offset, int length) {
    int check = Utf8.copyAndCheck(source, offset, storage(length), length);
    holdUtf8(length, check == Utf8.ASCII);
    return check;
  }

  /**
   * Refers to {@code source[offset, offset + length)} without copying (zero-copy). {@code checkField}
   * is the full name of a field whose value must be valid UTF-8, checked on first decode; null for
   * none.
   */
  void refer(byte[] source, int offset, int length, String checkField) {
    this.bytes = source;
    this.offset = offset;
    this.length = length;
    this.ascii = false;
    this.uncheckedField = checkField;
    this.string = null;
  }

  /** The own array, replaced (not copied) by a larger one if it holds fewer than {@code length}. */
  private byte[] storage(int length) {
    if (own.length < length) {
      own = new byte[Math.max(length, own.length * 2)];
    }
    if (bytes != own || uncheckedField != null) { // rare: a zero-copy value is overwritten
      bytes = own;
      offset = 0;
      uncheckedField = null;
    }
    return own;
  }

  /** The own array now holds {@code length} UTF-8 bytes, which replace the value; its String is dropped. */
  private void holdUtf8(int length, boolean knownAscii) {
    this.length = length;
    this.ascii = knownAscii;
    this.string = null;
  }

  /**
   * True while the value refers to a parsed input instead of holding its own copy (a zero-copy parse):
   * the input must then stay unchanged for as long as the value is used.
   */
  public boolean refersToInput() {
    return bytes != own && length > 0;
  }

  /**
   * Makes the value self-contained: bytes it refers to in a parsed input are copied into its own
   * storage. A UTF-8 check still due stays due. Nothing to do for a value that holds its own bytes.
   */
  public void detach() {
    if (bytes != own) {
      if (own.length < length) {
        own = new byte[Math.max(length, own.length * 2)];
      }
      System.arraycopy(bytes, offset, own, 0, length);
      bytes = own;
      offset = 0;
    }
  }

  /** Encodes {@code value} into the byte array at once (a write needs the bytes) and keeps it. */
  public void set(String value) {
    if (value == null) {
      throw new NullPointerException("string value must not be null");
    }
    int n = Utf8.encodedLength(value);
    Utf8.encode(value, storage(n), 0);
    this.length = n;
    this.ascii = n == value.length();
    this.string = value;
  }

  /** Copies {@code other}'s value in (its bytes too when it refers to an input). */
  public void copyFrom(Utf8String other) {
    setUtf8(other.bytes, other.offset, other.length, other.ascii);
    this.uncheckedField = other.uncheckedField;
    this.string = other.string;
  }

  /** Empties the value; its own storage is kept, a parsed input it referred to is let go. */
  public void clear() {
    length = 0;
    string = null;
    if (bytes != own || uncheckedField != null) { // a zero-copy value: let go of the input
      bytes = own;
      offset = 0;
      uncheckedField = null;
    }
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /**
   * The value as a Java string: decoded on first call, then cached. Invalid UTF-8 becomes U+FFFD, except
   * in a value parsed in zero-copy mode from a field that requires valid UTF-8, whose first decode
   * checks it and throws {@link UncheckedInvalidProtobufException} (reason {@code INVALID_UTF8}, the field
   * named) if it is not; the check repeats on every call until it passes, as no read writes but the
   * cache.
   */
  @Override
  public String toString() {
    String s = string;
    if (s == null) {
      s = decode();
      string = s;
    }
    return s;
  }

  /**
   * ASCII bytes become a Latin-1 string by a plain copy: the deprecated {@code String(byte[], int hibyte,
   * int, int)} constructor skips the decoder's scan (DnsDecodeDeep: String creation was 19% of the time).
   */
  @SuppressWarnings("deprecation")
  private String decode() {
    if (length == 0) {
      return "";
    }
    if (ascii) {
      return new String(bytes, 0, offset, length);
    }
    if (uncheckedField != null || bytes != own) {
      return decodeZeroCopy();
    }
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  /** A zero-copy value's decode, kept out of {@link #decode()}: the UTF-8 check left for now. */
  @SuppressWarnings("deprecation")
  private String decodeZeroCopy() {
    int check = Utf8.check(bytes, offset, length);
    if (check == Utf8.ASCII) {
      return new String(bytes, 0, offset, length);
    }
    if (check == Utf8.INVALID && uncheckedField != null) {
      throw new UncheckedInvalidProtobufException(InvalidProtobufException.invalidUtf8(-1, uncheckedField));
    }
    return new String(bytes, offset, length, StandardCharsets.UTF_8);
  }

  /**
   * For printing: the value, or, when it is a zero-copy value whose UTF-8 check fails, null (the
   * printer then shows its bytes escaped instead of throwing).
   */
  String decodeOrNull() {
    try {
      return toString();
    } catch (UncheckedInvalidProtobufException e) {
      return null;
    }
  }

  /** The number of UTF-8 bytes. */
  public int utf8Length() {
    return length;
  }

  /**
   * The array holding the {@link #utf8Length()} UTF-8 bytes from index {@link #utf8Offset()}: this
   * value's own storage, or the parsed input in zero-copy mode. Do not modify; it is reused by the next
   * parse. In zero-copy mode the bytes are not yet checked to be valid UTF-8.
   */
  public byte[] utf8Array() {
    return bytes;
  }

  /** Where in {@link #utf8Array()} the bytes start: 0 unless the value refers to a parsed input. */
  public int utf8Offset() {
    return offset;
  }

  /** A fresh copy of the UTF-8 bytes. */
  public byte[] toUtf8Bytes() {
    return Arrays.copyOfRange(bytes, offset, offset + length);
  }

  /** True if this string has the same UTF-8 bytes as {@code other}'s; no decoding. */
  public boolean contentEquals(Utf8String other) {
    return Arrays.equals(bytes, offset, offset + length, other.bytes, other.offset, other.offset + other.length);
  }

  /** True if this string's text equals {@code text}. */
  public boolean contentEquals(String text) {
    return toString().equals(text);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Utf8String && contentEquals((Utf8String) o);
  }

  @Override
  public int hashCode() {
    return ProtoBytes.hash(bytes, offset, length);
  }
}
