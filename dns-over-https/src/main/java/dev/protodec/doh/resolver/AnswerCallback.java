package dev.protodec.doh.resolver;

/** Where {@link Resolver#resolve} delivers its outcome: exactly one call, exactly once. */
public interface AnswerCallback {

  /**
   * The wire answer is {@code answer[0, length)}, valid only during this call (the buffer is reused).
   *
   * @param maxAgeSeconds the smallest remaining TTL in the answer, for {@code cache-control:
   *     max-age} (RFC 8484 section 5.1)
   */
  void onAnswer(byte[] answer, int length, int maxAgeSeconds);

  /** The bytes are not a DNS query; an HTTP front answers 400. */
  void onMalformed(MalformedQueryException error);
}
