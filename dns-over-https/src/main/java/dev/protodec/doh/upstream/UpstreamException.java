package dev.protodec.doh.upstream;

/** An upstream query failed: every upstream tried timed out, failed or sent a reply that did not match. */
public final class UpstreamException extends Exception {
  private static final long serialVersionUID = 1L;

  public UpstreamException(String message, Throwable cause) {
    super(message, cause);
  }

  static UpstreamException mismatchedId(int expected, int actual) {
    return new UpstreamException("reply ID " + actual + " does not match query ID " + expected
        + " (RFC 5452 section 9.1): a spoofing attempt or a confused upstream", null);
  }

  static UpstreamException mismatchedQuestion(Object expected, Object actual) {
    return new UpstreamException("reply question " + actual + " does not match the query's " + expected
        + " (RFC 5452 section 9.1)", null);
  }

  static UpstreamException noneConfigured() {
    return new UpstreamException("no upstream is configured", null);
  }
}
