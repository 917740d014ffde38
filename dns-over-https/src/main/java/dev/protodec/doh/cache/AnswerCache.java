package dev.protodec.doh.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.InstantSource;

/**
 * Stages 3 and 5, cache lookup and store: a Caffeine cache bounded by bytes (a weigher counting payload and
 * key), each entry living until its expiry plus the serve-stale window, then evicted. Lookups with a
 * reused probe key allocate nothing.
 */
public final class AnswerCache {
  private static final int ENTRY_OVERHEAD = 96;

  private final Cache<CacheKey, CachedAnswer> cache;
  private final boolean storing;

  /**
   * @param maxBytes the bound on payload plus key bytes (and a fixed overhead per entry); 0 stores
   *     nothing, so every lookup misses (the shared-cache benchmark's switch: every hit from Redis)
   * @param maxStaleMillis how long after expiry an entry is kept for serve-stale (0: evicted at expiry)
   * @param clock the time entries expire by (tests pass a clock they move)
   */
  public AnswerCache(long maxBytes, long maxStaleMillis, InstantSource clock) {
    this.storing = maxBytes > 0;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((CacheKey k, CachedAnswer v) -> k.weight() + v.payload().length + ENTRY_OVERHEAD)
        .expireAfter(new StaleWindowExpiry(maxStaleMillis, clock))
        .ticker(() -> clock.millis() * 1_000_000L)
        .executor(Runnable::run)
        .build();
  }

  /** The entry under {@code key}, fresh or stale, or null. */
  public CachedAnswer lookup(CacheKey key) {
    return cache.getIfPresent(key);
  }

  /** Stores {@code answer} under {@code key} (an immutable copy), if it is cacheable. */
  public void store(CacheKey key, CachedAnswer answer) {
    if (storing && answer.cacheable()) {
      cache.put(key, answer);
    }
  }

  /** The weighted size in bytes, for the size gauge. */
  public long weightedBytes() {
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
  }

  /** The number of entries (approximate). */
  public long size() {
    return cache.estimatedSize();
  }

  /** Drops every entry. */
  public void clear() {
    cache.invalidateAll();
  }

  /** Each entry lives until its own expiry plus the serve-stale window, by the clock that made it. */
  private static final class StaleWindowExpiry implements Expiry<CacheKey, CachedAnswer> {
    private final long maxStaleMillis;
    private final InstantSource clock;

    StaleWindowExpiry(long maxStaleMillis, InstantSource clock) {
      this.maxStaleMillis = maxStaleMillis;
      this.clock = clock;
    }

    private long nanosLeft(CachedAnswer v) {
      return Math.max(0, v.expiresAtMillis() + maxStaleMillis - clock.millis()) * 1_000_000L;
    }

    @Override
    public long expireAfterCreate(CacheKey k, CachedAnswer v, long currentTime) {
      return nanosLeft(v);
    }

    @Override
    public long expireAfterUpdate(CacheKey k, CachedAnswer v, long currentTime, long currentDuration) {
      return nanosLeft(v);
    }

    @Override
    public long expireAfterRead(CacheKey k, CachedAnswer v, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
