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
    /** A record after the question (answer, authority or additional section) runs past the message. */
    TRUNCATED_RECORD,
    /** The OPT record does not parse: two of them, not owned by the root, or an option past its end. */
    BAD_EDNS
  }

  private final Reason reason;

  /** A rejection for {@code reason}; {@code message} says what was wrong. No stack trace is kept. */
  public MalformedQueryException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** Why the query was rejected. */
  public Reason reason() {
    return reason;
  }
}
