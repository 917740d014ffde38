package dev.protodec.dns.corpus;

/**
 * The record types the corpus uses, with their numbers (RFC 1035 section 3.2.2, RFC 3596, RFC 4034,
 * RFC 9460).
 * The schema keeps types as numbers ({@code uint32}), as DNS does; this names them.
 */
enum RecordType {
  A(1),
  NS(2),
  CNAME(5),
  SOA(6),
  PTR(12),
  MX(15),
  TXT(16),
  AAAA(28),
  RRSIG(46),
  HTTPS(65);

  /** The class {@code IN}, the only one the corpus uses. */
  static final int CLASS_IN = 1;

  final int number;

  RecordType(int number) {
    this.number = number;
  }

  /** The mnemonic of {@code number}, or {@code TYPE<number>} (RFC 3597) for types not listed here. */
  static String mnemonic(int number) {
    for (RecordType type : values()) {
      if (type.number == number) {
        return type.name();
      }
    }
    return "TYPE" + number;
  }
}
