package dev.protodec.doh.fuzz;

import java.io.IOException;

/**
 * Checks what the answer writer is responsible for: the header's counts, every name (labels, pointers
 * that point back), every record's fixed part and RDATA length, and the RDATA of the types it writes
 * from typed fields (A, AAAA, CNAME, NS, PTR, MX, TXT, SOA) — ending exactly at the message's end. The
 * RDATA of every other type is the cached {@code raw} bytes, opaque by design (RFC 3597): a client
 * parses them by their type, which dnsjava would do here too, so it is not asked.
 */
final class WireFraming {
  private final byte[] m;
  private int at;

  private WireFraming(byte[] m) {
    this.m = m;
  }

  static void check(byte[] message) throws IOException {
    new WireFraming(message).run();
  }

  private void run() throws IOException {
    need(12);
    int qd = u16(4);
    int records = u16(6) + u16(8) + u16(10);
    at = 12;
    for (int i = 0; i < qd; i++) {
      name();
      need(4);
      at += 4;
    }
    for (int i = 0; i < records; i++) {
      name();
      need(10);
      int type = u16(at);
      int rdlength = u16(at + 8);
      at += 10;
      need(rdlength);
      int end = at + rdlength;
      rdata(type, end);
      if (at != end) {
        throw new IOException("type " + type + ": RDATA ends at " + at + ", its length says " + end);
      }
    }
    if (at != m.length) {
      throw new IOException(m.length - at + " bytes after the last record");
    }
  }

  private void rdata(int type, int end) throws IOException {
    switch (type) {
      case 1 -> at += 4;
      case 28 -> at += 16;
      case 2, 5, 12 -> name();
      case 15 -> {
        at += 2;
        name();
      }
      case 6 -> {
        name();
        name();
        at += 20;
      }
      case 16 -> {
        while (at < end) {
          at += 1 + (m[at] & 0xff);
        }
      }
      default -> at = end;
    }
    if (at > end) {
      throw new IOException("type " + type + ": RDATA runs past its length");
    }
  }

  /** A name at {@code at}; leaves {@code at} after it. Pointers must point before themselves. */
  private void name() throws IOException {
    int p = at;
    int wire = 0;
    boolean jumped = false;
    while (true) {
      need(p, 1);
      int len = m[p] & 0xff;
      if ((len & 0xc0) == 0xc0) {
        need(p, 2);
        int target = (len & 0x3f) << 8 | (m[p + 1] & 0xff);
        if (target >= p) {
          throw new IOException("a pointer at " + p + " to " + target + " does not point back");
        }
        if (!jumped) {
          at = p + 2;
          jumped = true;
        }
        p = target;
        continue;
      }
      if ((len & 0xc0) != 0) {
        throw new IOException("label type " + (len >> 6) + " at " + p);
      }
      wire += len + 1;
      if (wire > 255) {
        throw new IOException("a name of more than 255 bytes at " + at);
      }
      need(p, len + 1);
      p += len + 1;
      if (len == 0) {
        if (!jumped) {
          at = p;
        }
        return;
      }
    }
  }

  private int u16(int i) throws IOException {
    need(i, 2);
    return (m[i] & 0xff) << 8 | (m[i + 1] & 0xff);
  }

  private void need(int n) throws IOException {
    need(at, n);
  }

  private void need(int from, int n) throws IOException {
    if (from + n > m.length) {
      throw new IOException("the message ends at " + m.length + " but needs " + (from + n));
    }
  }
}
