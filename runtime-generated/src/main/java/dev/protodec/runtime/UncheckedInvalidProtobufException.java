package dev.protodec.runtime;

import java.io.UncheckedIOException;

/**
 * Bad input found after the parse, by a getter, which cannot throw a checked exception: a string of a
 * message parsed in zero-copy mode ({@link ProtoReader#setZeroCopy}) whose UTF-8 check, left to its
 * first decode, fails. {@link #getCause()} is the {@link InvalidProtobufException} a strict parse would
 * have thrown (reason {@code INVALID_UTF8}, the field named); act on its {@code reason()}.
 */
public final class UncheckedInvalidProtobufException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  public UncheckedInvalidProtobufException(InvalidProtobufException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized InvalidProtobufException getCause() {
    return (InvalidProtobufException) super.getCause();
  }

  /** The cause's reason: {@code INVALID_UTF8}. */
  public InvalidProtobufException.Reason reason() {
    return getCause().reason();
  }
}
