package dev.protodec.doh.answer;

import dev.protodec.doh.query.ParsedQuery;

/**
 * Answers the resolver makes up itself: FORMERR (question count not 1), NOTIMP (opcode not QUERY),
 * BADVERS (EDNS version not 0, RFC 6891 section 6.1.3) and SERVFAIL (no upstream answered), with the
 * client's ID and, where there is one, its question; an OPT record if the query had one, carrying an
 * Extended DNS Error (RFC 8914) when a code is given.
 */
public final class ErrorAnswer {
  /** RFC 8914 info code 22: No Reachable Authority. */
  public static final int EDE_NO_REACHABLE_AUTHORITY = 22;
  /** No Extended DNS Error option. */
  public static final int NO_EDE = -1;

  private static final int EDE = 15;

  private ErrorAnswer() {}

  /** Writes (and finishes) the answer with {@code rcode} (12 bits) to {@code query} into {@code out}. */
  public static void write(AnswerWriter out, ParsedQuery query, int rcode, boolean withQuestion, int udpPayloadSize,
      int edeCode, boolean pad) {
    out.begin(query, 0, query.opcode(), rcode, withQuestion, 0, 0);
    if (query.hasEdns()) {
      out.beginEdns(udpPayloadSize, rcode >> 4, query.dnssecOk());
      if (edeCode >= 0) {
        out.u16(EDE);
        out.u16(2);
        out.u16(edeCode);
      }
    }
    out.finish(pad);
  }
}
