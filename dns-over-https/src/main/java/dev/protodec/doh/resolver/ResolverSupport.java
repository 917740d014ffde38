package dev.protodec.doh.resolver;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Conveniences over {@link Resolver}'s callback for callers that want a value (tests, the gRPC and JSON
 * APIs): a {@link CompletionStage} of the answer's own copy, and a thin blocking wrapper.
 */
public final class ResolverSupport {
  private ResolverSupport() {}

  /** An answer copied out of the resolver's buffer, with its cache-control max-age. */
  public record Answer(byte[] wire, int maxAgeSeconds) {}

  /**
   * Resolves {@code query}; the stage completes with the answer, or fails with the {@link
   * MalformedQueryException} if the bytes are not a DNS query.
   */
  public static CompletionStage<Answer> resolve(Resolver resolver, byte[] query) {
    CompletableFuture<Answer> result = new CompletableFuture<>();
    resolver.resolve(query, 0, query.length, new AnswerCallback() {
      @Override
      public void onAnswer(byte[] answer, int length, int maxAgeSeconds) {
        result.complete(new Answer(Arrays.copyOf(answer, length), maxAgeSeconds));
      }

      @Override
      public void onMalformed(MalformedQueryException error) {
        result.completeExceptionally(error);
      }
    });
    return result;
  }

  /** Resolves {@code query} and waits up to {@code timeout} for the answer's wire bytes. */
  public static byte[] resolveBlocking(Resolver resolver, byte[] query, Duration timeout)
      throws MalformedQueryException, TimeoutException, InterruptedException {
    return resolveAnswer(resolver, query, timeout).wire();
  }

  /** Resolves {@code query} and waits up to {@code timeout} for the answer. */
  public static Answer resolveAnswer(Resolver resolver, byte[] query, Duration timeout)
      throws MalformedQueryException, TimeoutException, InterruptedException {
    try {
      return resolve(resolver, query).toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof MalformedQueryException) {
        throw (MalformedQueryException) e.getCause();
      }
      throw new IllegalStateException("the resolver failed, which it must not", e.getCause());
    }
  }
}
