package dev.protodec.benchmark.harness;

/** A corpus that cannot be read, or whose bytes do not parse as the type; the message says which and why. */
public final class CorpusException extends Exception {
  private static final long serialVersionUID = 1L;

  public CorpusException(String message) {
    super(message);
  }

  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
