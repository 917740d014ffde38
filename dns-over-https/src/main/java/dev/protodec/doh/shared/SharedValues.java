package dev.protodec.doh.shared;

import dev.protodec.doh.cache.CachedAnswer;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The Redis value of a cache entry: a 22-byte header, then the entry's protobuf-encoded {@code DnsMessage}
 * (the bytes the in-process cache holds in the protobuf modes). Big-endian:
 *
 * <pre>
 * offset size
 *  0     2    magic 'p' 'd'
 *  2     1    format version ({@link #SCHEMA_VERSION})
 *  3     1    payload kind: 1 = protobuf DnsMessage (dns.proto)
 *  4     8    absolute expiry, epoch milliseconds
 * 12     4    the TTL the entry was stored with, seconds (so any instance decays TTLs the same way)
 * 16     2    rcode (12 bits)
 * 18     4    CRC-32C of the Redis key, bytes 0..17 and the payload
 * 22     n    payload
 * </pre>
 *
 * A value whose magic, version, kind, length or checksum is wrong does not decode: {@link #decode} says
 * why and the caller treats it as a miss. The key is in the checksum, so a value copied under another key
 * does not decode either. Stateless; off the hit path.
 */
public final class SharedValues {
  /** The format version, in the header and in every key ({@link SharedKeys#PREFIX}). */
  public static final int SCHEMA_VERSION = 1;
  static final int HEADER = 22;
  private static final byte MAGIC_0 = 'p';
  private static final byte MAGIC_1 = 'd';
  private static final byte KIND_PROTOBUF = 1;
  private static final int CRC_AT = 18;

  /** Why a value was refused. */
  public enum Rejection {
    /** Too short, wrong magic or kind, a checksum that does not match, an impossible TTL. */
    CORRUPT,
    /** Another format version. */
    VERSION,
    /** The header is fine, the payload does not decode (found when the answer is written). */
    UNDECODABLE
  }

  /** A value read from Redis: the entry, or why there is none. */
  public record Decoded(CachedAnswer entry, Rejection rejection) {}

  private SharedValues() {}

  /** The value for {@code payload} (protobuf) with {@code entry}'s expiry, TTL and rcode, under {@code key}. */
  public static byte[] encode(byte[] key, byte[] payload, long expiresAtMillis, int ttlSeconds, int rcode) {
    ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
    b.put(MAGIC_0).put(MAGIC_1).put((byte) SCHEMA_VERSION).put(KIND_PROTOBUF).putLong(expiresAtMillis)
        .putInt(ttlSeconds).putShort((short) rcode);
    b.position(HEADER);
    b.put(payload);
    byte[] value = b.array();
    putInt(value, CRC_AT, crc(key, value));
    return value;
  }

  /** The entry in {@code value} read under {@code key}: its payload is the protobuf message. */
  public static Decoded decode(byte[] key, byte[] value) {
    if (value.length < HEADER || value[0] != MAGIC_0 || value[1] != MAGIC_1) {
      return new Decoded(null, Rejection.CORRUPT);
    }
    if (value[2] != SCHEMA_VERSION) {
      return new Decoded(null, Rejection.VERSION);
    }
    ByteBuffer b = ByteBuffer.wrap(value);
    long expiresAt = b.getLong(4);
    int ttl = b.getInt(12);
    int rcode = b.getShort(16) & 0xfff;
    if (value[3] != KIND_PROTOBUF || ttl <= 0 || b.getInt(CRC_AT) != crc(key, value)) {
      return new Decoded(null, Rejection.CORRUPT);
    }
    byte[] payload = java.util.Arrays.copyOfRange(value, HEADER, value.length);
    return new Decoded(new CachedAnswer(payload, expiresAt - ttl * 1000L, ttl, rcode), null);
  }

  private static int crc(byte[] key, byte[] value) {
    CRC32C crc = new CRC32C();
    crc.update(key);
    crc.update(value, 0, CRC_AT);
    crc.update(value, HEADER, value.length - HEADER);
    return (int) crc.getValue();
  }

  private static void putInt(byte[] a, int at, int v) {
    a[at] = (byte) (v >>> 24);
    a[at + 1] = (byte) (v >>> 16);
    a[at + 2] = (byte) (v >>> 8);
    a[at + 3] = (byte) v;
  }
}
