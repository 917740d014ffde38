package dev.protodec.doh.decode;

import dev.protodec.doh.answer.AnswerWriter;

/**
 * The layout of a cache payload in {@code WIRE} mode: a small index, then the answer as DNS wire
 * (written once by {@link AnswerWriter} for a query without EDNS, ID 0, TTLs undecayed). All numbers are
 * big-endian 16-bit.
 *
 * <pre>
 * ttlCount, ttlOffset[ttlCount]   where each record's TTL lies in the wire
 * extendedRcode                   the rcode's upper eight bits, for the OPT record
 * optionsLength, options          Extended DNS Error options (code, length, data), as in an OPT record
 * wire                            the rest
 * </pre>
 */
public final class WireEntry {
  private WireEntry() {}

  /** The payload for the answer in {@code writer} (just written and finished without EDNS). */
  public static byte[] of(AnswerWriter writer, int extendedRcode, byte[] options, int optionsLength) {
    int ttls = writer.ttlCount();
    int head = 2 + 2 * ttls + 2 + 2 + optionsLength;
    byte[] payload = new byte[head + writer.length()];
    put16(payload, 0, ttls);
    for (int i = 0; i < ttls; i++) {
      put16(payload, 2 + 2 * i, writer.ttlOffset(i));
    }
    int p = 2 + 2 * ttls;
    put16(payload, p, extendedRcode);
    put16(payload, p + 2, optionsLength);
    System.arraycopy(options, 0, payload, p + 4, optionsLength);
    System.arraycopy(writer.buffer(), 0, payload, head, writer.length());
    return payload;
  }

  static int ttlCount(byte[] payload) {
    return get16(payload, 0);
  }

  static int ttlOffset(byte[] payload, int i) {
    return get16(payload, 2 + 2 * i);
  }

  static int extendedRcode(byte[] payload) {
    return get16(payload, 2 + 2 * ttlCount(payload));
  }

  static int optionsLength(byte[] payload) {
    return get16(payload, 4 + 2 * ttlCount(payload));
  }

  static int optionsStart(byte[] payload) {
    return 6 + 2 * ttlCount(payload);
  }

  static int wireStart(byte[] payload) {
    return optionsStart(payload) + optionsLength(payload);
  }

  private static void put16(byte[] b, int p, int v) {
    b[p] = (byte) (v >> 8);
    b[p + 1] = (byte) v;
  }

  private static int get16(byte[] b, int p) {
    return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
  }
}
