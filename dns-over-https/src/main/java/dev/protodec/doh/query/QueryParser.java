package dev.protodec.doh.query;

import dev.protodec.doh.resolver.MalformedQueryException;
import dev.protodec.doh.resolver.MalformedQueryException.Reason;

/**
 * Stage 1, parse the query: a small DNS wire reader for what a cache needs from a query (RFC 1035
 * section 4.1): the header, the single question, and the OPT record's DO bit, UDP size and padding
 * option (RFC 6891, RFC 7830). No dnsjava and no allocation on success; stateless and thread-safe.
 *
 * <p>A query with a question count other than 1 or an opcode other than QUERY parses (the resolver
 * answers FORMERR or NOTIMP); its question is then not read.
 */
public final class QueryParser {
  static final int HEADER = 12;
  private static final int TYPE_OPT = 41;
  private static final int OPTION_PADDING = 12;
  private static final int MAX_NAME = 255;

  /** Parses {@code bytes[offset, offset + length)} into {@code out}. */
  public void parse(byte[] bytes, int offset, int length, ParsedQuery out) throws MalformedQueryException {
    if (length < HEADER) {
      throw Malformed.tooShort(length);
    }
    int end = offset + length;
    out.bytes = bytes;
    out.offset = offset;
    out.length = length;
    out.id = u16(bytes, offset);
    int flags = u16(bytes, offset + 2);
    out.flags = flags;
    if ((flags & 0x8000) != 0) {
      throw Malformed.responseBit();
    }
    out.opcode = (flags >> 11) & 0xf;
    out.questionCount = u16(bytes, offset + 4);
    out.hasEdns = false;
    out.dnssecOk = false;
    out.paddingRequested = false;
    out.udpPayloadSize = 512;
    out.ednsVersion = 0;
    out.nameStart = offset + HEADER;
    out.nameLength = 0;
    out.qtype = 0;
    out.qclass = 0;
    if (out.opcode != 0 || out.questionCount != 1) {
      return;
    }
    int p = offset + HEADER;
    int nameEnd = skipQuestionName(bytes, p, end);
    out.nameLength = nameEnd - p;
    if (nameEnd + 4 > end) {
      throw Malformed.truncatedQuestion();
    }
    out.qtype = u16(bytes, nameEnd);
    out.qclass = u16(bytes, nameEnd + 2);
    p = nameEnd + 4;
    int skipped = u16(bytes, offset + 6) + u16(bytes, offset + 8);
    for (int i = 0; i < skipped; i++) {
      p = skipRecord(bytes, p, end);
    }
    int additionals = u16(bytes, offset + 10);
    for (int i = 0; i < additionals; i++) {
      p = additional(bytes, p, end, out);
    }
  }

  /** The end of an uncompressed name starting at {@code p}; a query's question cannot point back. */
  private static int skipQuestionName(byte[] b, int p, int end) throws MalformedQueryException {
    int start = p;
    while (true) {
      if (p >= end) {
        throw Malformed.truncatedQuestion();
      }
      int len = b[p] & 0xff;
      if (len == 0) {
        p++;
        break;
      }
      if (len > 63) {
        throw Malformed.badLabel(len);
      }
      p += 1 + len;
    }
    if (p - start > MAX_NAME) {
      throw Malformed.nameTooLong(p - start);
    }
    return p;
  }

  /** The end of a possibly compressed name in a record (the answer or authority sections of a query). */
  private static int skipName(byte[] b, int p, int end) throws MalformedQueryException {
    while (true) {
      if (p >= end) {
        throw Malformed.truncatedRecord();
      }
      int len = b[p] & 0xff;
      if (len == 0) {
        return p + 1;
      }
      if ((len & 0xc0) == 0xc0) {
        return p + 2;
      }
      if (len > 63) {
        throw Malformed.badLabel(len);
      }
      p += 1 + len;
    }
  }

  private static int skipRecord(byte[] b, int p, int end) throws MalformedQueryException {
    p = skipName(b, p, end);
    if (p + 10 > end) {
      throw Malformed.truncatedRecord();
    }
    int rdEnd = p + 10 + u16(b, p + 8);
    if (rdEnd > end) {
      throw Malformed.truncatedRecord();
    }
    return rdEnd;
  }

  private static int additional(byte[] b, int p, int end, ParsedQuery out) throws MalformedQueryException {
    int nameStart = p;
    p = skipName(b, p, end);
    if (p + 10 > end) {
      throw Malformed.truncatedRecord();
    }
    int type = u16(b, p);
    int rdStart = p + 10;
    int rdEnd = rdStart + u16(b, p + 8);
    if (rdEnd > end) {
      throw Malformed.truncatedRecord();
    }
    if (type != TYPE_OPT) {
      return rdEnd;
    }
    if (out.hasEdns) {
      throw Malformed.secondOpt();
    }
    if (p - nameStart != 1) {
      throw Malformed.optNotAtRoot();
    }
    out.hasEdns = true;
    out.udpPayloadSize = Math.max(512, u16(b, p + 2));
    out.ednsVersion = b[p + 5] & 0xff;
    out.dnssecOk = (b[p + 6] & 0x80) != 0;
    for (int o = rdStart; o < rdEnd; ) {
      if (o + 4 > rdEnd) {
        throw Malformed.badOption();
      }
      int code = u16(b, o);
      int len = u16(b, o + 2);
      if (o + 4 + len > rdEnd) {
        throw Malformed.badOption();
      }
      if (code == OPTION_PADDING) {
        out.paddingRequested = true;
      }
      o += 4 + len;
    }
    return rdEnd;
  }

  static int u16(byte[] b, int p) {
    return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
  }

  /** One factory per way a query can be malformed, each naming the problem. */
  static final class Malformed {
    private Malformed() {}

    static MalformedQueryException tooShort(int length) {
      return new MalformedQueryException(Reason.TOO_SHORT,
          "a DNS message is at least 12 bytes (its header); got " + length);
    }

    static MalformedQueryException responseBit() {
      return new MalformedQueryException(Reason.NOT_A_QUERY, "the QR bit is set: this is a response, not a query");
    }

    static MalformedQueryException truncatedQuestion() {
      return new MalformedQueryException(Reason.TRUNCATED_QUESTION,
          "the question ends before its name, type and class do");
    }

    static MalformedQueryException badLabel(int lengthByte) {
      return new MalformedQueryException(Reason.BAD_NAME, "label length byte " + lengthByte
          + " in the question: labels are at most 63 bytes and a query's question cannot be compressed");
    }

    static MalformedQueryException nameTooLong(int length) {
      return new MalformedQueryException(Reason.BAD_NAME, "the question's name is " + length
          + " bytes on the wire; at most 255 are allowed");
    }

    static MalformedQueryException truncatedRecord() {
      return new MalformedQueryException(Reason.TRUNCATED_RECORD, "a record after the question ends past the message");
    }

    static MalformedQueryException secondOpt() {
      return new MalformedQueryException(Reason.BAD_EDNS, "more than one OPT record (RFC 6891 section 6.1.1)");
    }

    static MalformedQueryException optNotAtRoot() {
      return new MalformedQueryException(Reason.BAD_EDNS, "the OPT record's owner name must be the root");
    }

    static MalformedQueryException badOption() {
      return new MalformedQueryException(Reason.BAD_EDNS, "an EDNS option runs past the OPT record's RDATA");
    }
  }
}
