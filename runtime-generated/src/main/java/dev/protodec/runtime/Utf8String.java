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
 */
public final class Utf8String {
  private static final byte[] EMPTY = new byte[0];

  private byte[] bytes = EMPTY;
  private int length;
  /** The bytes are known to be ASCII: {@link #toString()} copies them without decoding. */
  private boolean ascii = true;
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

  /** The backing array, replaced (not copied) by a larger one if it holds fewer than {@code length}. */
  private byte[] storage(int length) {
    if (bytes.length < length) {
      bytes = new byte[Math.max(length, bytes.length * 2)];
    }
    return bytes;
  }

  /** The array now holds {@code length} UTF-8 bytes, which replace the value; its String is dropped. */
  private void holdUtf8(int length, boolean knownAscii) {
    this.length = length;
    this.ascii = knownAscii;
    this.string = null;
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

  public void copyFrom(Utf8String other) {
    setUtf8(other.bytes, 0, other.length, other.ascii);
    this.string = other.string;
  }

  public void clear() {
    length = 0;
    string = null;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /** The value as a Java string: decoded on first call (invalid UTF-8 becomes U+FFFD), then cached. */
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
    return ascii ? new String(bytes, 0, 0, length) : new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  /** The number of UTF-8 bytes. */
  public int utf8Length() {
    return length;
  }

  /**
   * The backing array holding {@link #utf8Length()} valid bytes from index 0. Do not modify; it is reused
   * by the next parse.
   */
  public byte[] utf8Array() {
    return bytes;
  }

  /** A fresh copy of the UTF-8 bytes. */
  public byte[] toUtf8Bytes() {
    return Arrays.copyOf(bytes, length);
  }

  /** True if this string has the same UTF-8 bytes as {@code other}'s; no decoding. */
  public boolean contentEquals(Utf8String other) {
    return Arrays.equals(bytes, 0, length, other.bytes, 0, other.length);
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
    return ProtoBytes.hash(bytes, length);
  }
}
