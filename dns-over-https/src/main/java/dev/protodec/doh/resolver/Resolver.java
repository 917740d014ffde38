package dev.protodec.doh.resolver;

/**
 * Turns DNS wire queries into DNS wire answers, with no HTTP involved: what the DoH server, the gRPC
 * and JSON APIs and the pipeline benchmarks all drive. Thread-safe.
 */
public interface Resolver extends AutoCloseable {

  /**
   * Answers {@code query[offset, offset + length)}. Calls exactly one method of {@code callback}
   * exactly once: on the calling thread for a cache hit, later from another thread on a miss. Never
   * throws for bad input: a query that is not DNS goes to {@link AnswerCallback#onMalformed}, one that
   * is DNS but not answerable (two questions, an unknown opcode) gets a DNS error answer.
   */
  void resolve(byte[] query, int offset, int length, AnswerCallback callback);

  /** Stops background work (prefetch, health probes) and releases the upstream sockets. */
  @Override
  void close();
}
