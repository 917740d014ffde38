package dev.protodec.codegen.protoc;

/** protoc could not be found, resolved or started; the message says what to change. */
public final class ProtocException extends Exception {
  private static final long serialVersionUID = 1L;

  public ProtocException(String message) {
    super(message);
  }

  public ProtocException(String message, Throwable cause) {
    super(message, cause);
  }
}
