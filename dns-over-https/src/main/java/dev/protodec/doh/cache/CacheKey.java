package dev.protodec.doh.cache;

import java.util.Arrays;

/**
 * What an answer is cached under: the question's wire name lower-cased (ASCII only, RFC 4343), its type
 * and class, and the query's DO and CD bits (an answer for a validating client differs). Hash and
 * equality are cheap: the hash is computed once when the key is filled.
 *
 * <p>A key is mutable only while {@link CacheKeyMaker} fills it: the hit path reuses one probe key per
 * thread for lookups and {@link #copy()}s it before anything is stored under it.
 */
public final class CacheKey {
  static final int DO_BIT = 1;
  static final int CD_BIT = 2;

  final byte[] name;
  int nameLength;
  int qtype;
  int qclass;
  int bits;
  int hash;

  /** An empty probe key, with room for any name (255 bytes). */
  public CacheKey() {
    this(new byte[255]);
  }

  private CacheKey(byte[] name) {
    this.name = name;
  }

  /** An immutable copy, sized to the name: what gets stored. */
  public CacheKey copy() {
    CacheKey c = new CacheKey(Arrays.copyOf(name, nameLength));
    c.nameLength = nameLength;
    c.qtype = qtype;
    c.qclass = qclass;
    c.bits = bits;
    c.hash = hash;
    return c;
  }

  /** The lower-cased wire name, a copy (for the shared cache's key, off the hit path). */
  public byte[] wireName() {
    return Arrays.copyOf(name, nameLength);
  }

  public int qtype() {
    return qtype;
  }

  public int qclass() {
    return qclass;
  }

  public boolean dnssecOk() {
    return (bits & DO_BIT) != 0;
  }

  public boolean checkingDisabled() {
    return (bits & CD_BIT) != 0;
  }

  /** Bytes the key takes in the cache, for the weigher. */
  int weight() {
    return nameLength + 40;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CacheKey)) {
      return false;
    }
    CacheKey k = (CacheKey) o;
    return hash == k.hash && qtype == k.qtype && qclass == k.qclass && bits == k.bits
        && Arrays.equals(name, 0, nameLength, k.name, 0, k.nameLength);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int p = 0; p < nameLength && name[p] != 0; p += 1 + name[p]) {
      s.append(new String(name, p + 1, name[p], java.nio.charset.StandardCharsets.ISO_8859_1)).append('.');
    }
    return (s.length() == 0 ? "." : s) + "/" + qtype + "/" + qclass + (dnssecOk() ? "/DO" : "")
        + (checkingDisabled() ? "/CD" : "");
  }
}
