package dev.protodec.doh.shared;

import dev.protodec.doh.cache.CacheKey;
import java.nio.charset.StandardCharsets;

/**
 * The Redis key of a cache key:
 *
 * <pre>
 * pd:1:QTYPE:QCLASS:FLAGS:{NAME}        e.g.  pd:1:1:1:-:{www.example.test.}
 * </pre>
 *
 * {@code 1} is {@link SharedValues#SCHEMA_VERSION} (another version never reads these keys), QTYPE and
 * QCLASS are decimal, FLAGS is {@code -}, {@code d} (DO), {@code c} (CD) or {@code dc}, and NAME is the
 * lower-cased name in presentation form, bytes outside {@code !}..{@code ~} and {@code . { } \} written
 * {@code \DDD} (RFC 1035 section 5.1), so the braces are always the key's first pair. Redis Cluster hashes
 * only what is inside them (the hash tag): every type of one name lands in one slot, and names spread over
 * all slots. Thread-safe; runs on the miss path only.
 */
public final class SharedKeys {
  /** What every key starts with. */
  public static final String PREFIX = "pd:" + SharedValues.SCHEMA_VERSION + ":";

  private SharedKeys() {}

  /** The key bytes (ASCII) for {@code key}. */
  public static byte[] of(CacheKey key) {
    StringBuilder s = new StringBuilder(64).append(PREFIX).append(key.qtype()).append(':').append(key.qclass())
        .append(':');
    if (!key.dnssecOk() && !key.checkingDisabled()) {
      s.append('-');
    } else {
      s.append(key.dnssecOk() ? "d" : "").append(key.checkingDisabled() ? "c" : "");
    }
    s.append(":{");
    name(key.wireName(), s);
    return s.append('}').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** A wire name in presentation form with every special byte escaped. */
  static void name(byte[] wire, StringBuilder s) {
    int p = 0;
    while (p < wire.length && wire[p] != 0) {
      int length = wire[p] & 0xff;
      for (int i = p + 1; i <= p + length && i < wire.length; i++) {
        int b = wire[i] & 0xff;
        if (b <= ' ' || b > '~' || b == '.' || b == '{' || b == '}' || b == '\\') {
          s.append('\\').append((char) ('0' + b / 100)).append((char) ('0' + b / 10 % 10)).append((char) ('0' + b % 10));
        } else {
          s.append((char) b);
        }
      }
      s.append('.');
      p += 1 + length;
    }
    if (p == 0) {
      s.append('.');
    }
  }
}
