package dev.protodec.doh.decode;

/**
 * Which {@code ResourceRecord.rdata} member a record type may carry, as the store stage writes them: A
 * in {@code a}, AAAA (16 bytes) in {@code aaaa}, CNAME, NS and PTR in their name fields, MX, TXT and SOA
 * in their messages, every other type in {@code raw}; never an OPT record. Both protobuf decoders check
 * each record with it, so a foreign or corrupt entry cannot become malformed wire.
 */
final class RdataRules {
  /** The oneof members, by field number in {@code dns.proto}. */
  static final int NONE = 0;
  static final int A = 5;
  static final int AAAA = 6;
  static final int CNAME = 7;
  static final int NS = 8;
  static final int PTR = 9;
  static final int MX = 10;
  static final int TXT = 11;
  static final int SOA = 12;
  static final int RAW = 13;

  private static final int TYPE_OPT = 41;

  private RdataRules() {}

  /** The member a record of {@code type} must use. */
  static int memberFor(int type) {
    return switch (type) {
      case 1 -> A;
      case 28 -> AAAA;
      case 5 -> CNAME;
      case 2 -> NS;
      case 12 -> PTR;
      case 15 -> MX;
      case 16 -> TXT;
      case 6 -> SOA;
      default -> RAW;
    };
  }

  /**
   * @param member the set oneof member's field number ({@link #NONE} if none)
   * @param bytesLength the length of {@code aaaa} when that is the member
   * @throws CorruptEntryException naming the mismatch
   */
  static void check(int type, int member, int bytesLength) throws CorruptEntryException {
    if (type == TYPE_OPT) {
      throw new CorruptEntryException("an OPT record among the cached records");
    }
    int expected = memberFor(type);
    if (member != expected && !(member == NONE && expected == RAW)) {
      throw new CorruptEntryException("a record of type " + type + " with RDATA member " + member
          + " (expected " + expected + ")");
    }
    if (member == AAAA && bytesLength != 16) {
      throw new CorruptEntryException("an AAAA record of " + bytesLength + " bytes");
    }
  }
}
