package dev.protodec.doh.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Coalescing: concurrent misses (and prefetches) for one key share one upstream query. The first caller
 * for a key starts the fetch; later callers get the same future until it completes, when the answer is
 * stored (before the key leaves this map, so a caller arriving then finds it in the cache).
 */
public final class InFlightQueries {
  private final ConcurrentHashMap<CacheKey, CompletableFuture<CachedAnswer>> inFlight = new ConcurrentHashMap<>();
  private final AnswerCache cache;

  public InFlightQueries(AnswerCache cache) {
    this.cache = cache;
  }

  /**
   * The answer for {@code key}: the fetch already under way, or {@code fetch} started now.
   *
   * @param key an immutable key (a {@link CacheKey#copy()})
   * @param joined set to true if an existing fetch was joined (for the metrics), may be null
   */
  public CompletableFuture<CachedAnswer> fetch(CacheKey key,
      Function<CacheKey, CompletableFuture<CachedAnswer>> fetch, boolean[] joined) {
    CompletableFuture<CachedAnswer> mine = new CompletableFuture<>();
    CompletableFuture<CachedAnswer> existing = inFlight.putIfAbsent(key, mine);
    if (existing != null) {
      if (joined != null) {
        joined[0] = true;
      }
      return existing;
    }
    CompletableFuture<CachedAnswer> started;
    try {
      started = fetch.apply(key);
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    started.whenComplete((answer, error) -> {
      if (answer != null) {
        cache.store(key, answer);
      }
      inFlight.remove(key, mine);
      if (error != null) {
        mine.completeExceptionally(error);
      } else {
        mine.complete(answer);
      }
    });
    return mine;
  }

  /** How many fetches are under way. */
  public int size() {
    return inFlight.size();
  }
}
