package dev.protodec.doh.answer;

/**
 * What the {@link AnswerWriter} was given cannot be written as DNS wire: a label longer than 63 bytes or
 * empty, a name longer than 255 bytes, a character-string longer than 255, or more than a DNS message
 * holds. Only a corrupt cache entry gets here (the resolver's own entries come from parsed replies); the
 * decoders turn it into a {@link dev.protodec.doh.decode.CorruptEntryException}.
 */
public final class UnwritableRecordException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  UnwritableRecordException(String message) {
    super(message);
  }
}
