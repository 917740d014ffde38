package dev.protodec.doh.cache;

import dev.protodec.doh.query.ParsedQuery;

/** Stage 2, make the cache key: fills a (reused) {@link CacheKey} from a parsed query, allocating nothing. */
public final class CacheKeyMaker {
  /** Fills {@code key} with {@code query}'s question, lower-cased, and its DO and CD bits. */
  public void fill(ParsedQuery query, CacheKey key) {
    byte[] src = query.bytes();
    int start = query.nameStart();
    int n = query.nameLength();
    byte[] dst = key.name;
    int h = 1;
    for (int i = 0; i < n; i++) {
      byte b = src[start + i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      dst[i] = b;
      h = 31 * h + b;
    }
    key.nameLength = n;
    key.qtype = query.qtype();
    key.qclass = query.qclass();
    key.bits = (query.dnssecOk() ? CacheKey.DO_BIT : 0) | (query.checkingDisabled() ? CacheKey.CD_BIT : 0);
    key.hash = ((h * 31 + key.qtype) * 31 + key.qclass) * 4 + key.bits;
  }
}
