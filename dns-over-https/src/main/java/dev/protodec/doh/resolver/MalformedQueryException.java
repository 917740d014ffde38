package dev.protodec.doh.resolver;

/** The bytes given as a query are not a DNS query, with a reason a program can act on. */
public final class MalformedQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the query was rejected. */
  public enum Reason {
    /** Shorter than a DNS header (12 bytes). */
    TOO_SHORT,
    /** The QR bit is set: a response, not a query. */
    NOT_A_QUERY,
    /** The question section ends before its name, type and class do. */
    TRUNCATED_QUESTION,
    /** A label longer than 63 bytes, a name longer than 255, or a compression pointer in a query. */
    BAD_NAME,
    /** The additional section (the OPT record) does not parse. */
    BAD_EDNS
  }

  private final Reason reason;

  public MalformedQueryException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
