package dev.protodec.doh.query;

import java.util.Arrays;

/**
 * What {@link QueryParser} read from one wire query: the header fields, where the single question's name
 * lies in the query bytes, and the OPT record's flags. Mutable and reused per thread on the cache-hit
 * path (it then points into the caller's array, valid only during the call); {@link #copy()} makes an
 * owned copy for the miss path, which outlives the call.
 */
public final class ParsedQuery {
  /** The header's RD bit (second word). */
  public static final int FLAG_RD = 0x0100;
  /** The header's CD bit (second word). */
  public static final int FLAG_CD = 0x0010;

  byte[] bytes;
  int offset;
  int length;
  int id;
  int flags;
  int opcode;
  int questionCount;
  int nameStart;
  int nameLength;
  int qtype;
  int qclass;
  boolean hasEdns;
  int udpPayloadSize;
  boolean dnssecOk;
  boolean paddingRequested;
  int ednsVersion;

  /** The array the query is in ({@link #nameStart()} indexes it). */
  public byte[] bytes() {
    return bytes;
  }

  public int offset() {
    return offset;
  }

  public int length() {
    return length;
  }

  /** The transaction ID, to be echoed. */
  public int id() {
    return id;
  }

  /** The header's second word as sent (QR, opcode, AA, TC, RD, RA, Z, AD, CD, rcode). */
  public int flags() {
    return flags;
  }

  public int opcode() {
    return opcode;
  }

  public int questionCount() {
    return questionCount;
  }

  public boolean recursionDesired() {
    return (flags & FLAG_RD) != 0;
  }

  public boolean checkingDisabled() {
    return (flags & FLAG_CD) != 0;
  }

  /** Index in {@link #bytes()} of the question's wire name (only when {@link #questionCount()} is 1). */
  public int nameStart() {
    return nameStart;
  }

  /** Length of the question's wire name, its root label included. */
  public int nameLength() {
    return nameLength;
  }

  public int qtype() {
    return qtype;
  }

  public int qclass() {
    return qclass;
  }

  /** Whether the query carries an OPT record (RFC 6891): the answer then carries one too. */
  public boolean hasEdns() {
    return hasEdns;
  }

  public int udpPayloadSize() {
    return udpPayloadSize;
  }

  /** The OPT record's DO bit (RFC 3225). */
  public boolean dnssecOk() {
    return dnssecOk;
  }

  /** Whether the OPT record carries the padding option (12, RFC 7830). */
  public boolean paddingRequested() {
    return paddingRequested;
  }

  public int ednsVersion() {
    return ednsVersion;
  }

  /** A copy that owns its bytes (the query's range only), for work that outlives the call. */
  public ParsedQuery copy() {
    ParsedQuery c = new ParsedQuery();
    c.bytes = Arrays.copyOfRange(bytes, offset, offset + length);
    c.offset = 0;
    c.length = length;
    c.id = id;
    c.flags = flags;
    c.opcode = opcode;
    c.questionCount = questionCount;
    c.nameStart = nameStart - offset;
    c.nameLength = nameLength;
    c.qtype = qtype;
    c.qclass = qclass;
    c.hasEdns = hasEdns;
    c.udpPayloadSize = udpPayloadSize;
    c.dnssecOk = dnssecOk;
    c.paddingRequested = paddingRequested;
    c.ednsVersion = ednsVersion;
    return c;
  }

  /** A copy that says the query had no OPT record: what an answer stored as wire is written for. */
  public ParsedQuery withoutEdns() {
    ParsedQuery c = copy();
    c.hasEdns = false;
    c.dnssecOk = false;
    c.paddingRequested = false;
    return c;
  }

  /** The question's wire name as a new array (for the upstream side). */
  public byte[] nameBytes() {
    return Arrays.copyOfRange(bytes, nameStart, nameStart + nameLength);
  }
}
