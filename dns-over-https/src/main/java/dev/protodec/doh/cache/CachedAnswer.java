package dev.protodec.doh.cache;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One cached answer: its payload (a protobuf-encoded {@code DnsMessage}, or DNS wire in {@code WIRE}
 * mode), when it was stored, when it expires, and its TTL at store time; the TTL arithmetic of serve-stale
 * and prefetch. Immutable but for one flag that lets exactly one hit start a prefetch.
 */
public final class CachedAnswer {
  private static final AtomicIntegerFieldUpdater<CachedAnswer> PREFETCH =
      AtomicIntegerFieldUpdater.newUpdater(CachedAnswer.class, "prefetchClaimed");

  private final byte[] payload;
  private final long storedAtMillis;
  private final long expiresAtMillis;
  private final int ttlSeconds;
  private final int rcode;
  private volatile int prefetchClaimed;

  /**
   * @param ttlSeconds how long the answer is fresh; 0 for an answer that is passed on but not stored
   * @param rcode the answer's (12-bit) rcode
   */
  public CachedAnswer(byte[] payload, long storedAtMillis, int ttlSeconds, int rcode) {
    this.payload = payload;
    this.storedAtMillis = storedAtMillis;
    this.ttlSeconds = ttlSeconds;
    this.expiresAtMillis = storedAtMillis + ttlSeconds * 1000L;
    this.rcode = rcode;
  }

  public byte[] payload() {
    return payload;
  }

  public long storedAtMillis() {
    return storedAtMillis;
  }

  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  /** The TTL the answer had when stored (after clamping). */
  public int ttlSeconds() {
    return ttlSeconds;
  }

  public int rcode() {
    return rcode;
  }

  /** Whether the answer may be stored at all. */
  public boolean cacheable() {
    return ttlSeconds > 0;
  }

  public boolean isFresh(long nowMillis) {
    return nowMillis < expiresAtMillis;
  }

  /** Whole seconds spent in the cache: what every TTL is decreased by. */
  public int elapsedSeconds(long nowMillis) {
    return (int) Math.max(0, (nowMillis - storedAtMillis) / 1000);
  }

  /** Seconds of freshness left, rounded down, at least 0. */
  public int remainingSeconds(long nowMillis) {
    return (int) Math.max(0, (expiresAtMillis - nowMillis) / 1000);
  }

  /** Whether an expired answer is still within {@code maxStaleMillis} of its expiry (RFC 8767). */
  public boolean isServableStale(long nowMillis, long maxStaleMillis) {
    return nowMillis >= expiresAtMillis && nowMillis < expiresAtMillis + maxStaleMillis;
  }

  /** Whether a fresh answer is in the last {@code percent} of its TTL, when a hit refreshes it. */
  public boolean inPrefetchWindow(long nowMillis, int percent) {
    return percent > 0 && (expiresAtMillis - nowMillis) * 100 <= ttlSeconds * 1000L * percent;
  }

  /** True for exactly one caller: the one that starts this answer's prefetch. */
  public boolean claimPrefetch() {
    return prefetchClaimed == 0 && PREFETCH.compareAndSet(this, 0, 1);
  }
}
