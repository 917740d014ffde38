package dev.protodec.doh.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * How the resolver uses the shared cache; immutable. {@link #of(SharedCacheUri)} gives the defaults.
 *
 * @param uri where Redis is
 * @param readDeadline how long an in-process miss waits for Redis before it goes upstream; the answer is
 *     never delayed past it (default 5 ms)
 * @param writeQueue how many writes may wait to be sent; more are dropped and counted (default 10,000)
 * @param maxWritesInFlight writes sent and not yet acknowledged; more wait in the queue (default 1,000)
 * @param connectTimeout the deadline of one connection attempt (default 1 s)
 * @param maxReconnectDelay the longest wait between reconnection attempts, which back off from 20 ms
 *     (default 2 s)
 */
public record SharedCacheConfig(SharedCacheUri uri, Duration readDeadline, int writeQueue, int maxWritesInFlight,
    Duration connectTimeout, Duration maxReconnectDelay) {

  public SharedCacheConfig {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(readDeadline, "readDeadline");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(maxReconnectDelay, "maxReconnectDelay");
    if (readDeadline.isNegative() || readDeadline.isZero() || readDeadline.compareTo(Duration.ofSeconds(10)) > 0
        || writeQueue < 1 || maxWritesInFlight < 1 || connectTimeout.isNegative() || connectTimeout.isZero()
        || maxReconnectDelay.toMillis() < 20) {
      throw new IllegalArgumentException("invalid shared cache configuration: " + this);
    }
  }

  /** {@code uri} with the defaults. */
  public static SharedCacheConfig of(SharedCacheUri uri) {
    return new SharedCacheConfig(uri, Duration.ofMillis(5), 10_000, 1_000, Duration.ofSeconds(1),
        Duration.ofSeconds(2));
  }

  public SharedCacheConfig withReadDeadline(Duration v) {
    return new SharedCacheConfig(uri, v, writeQueue, maxWritesInFlight, connectTimeout, maxReconnectDelay);
  }

  public SharedCacheConfig withWriteQueue(int v) {
    return new SharedCacheConfig(uri, readDeadline, v, maxWritesInFlight, connectTimeout, maxReconnectDelay);
  }

  public SharedCacheConfig withMaxReconnectDelay(Duration v) {
    return new SharedCacheConfig(uri, readDeadline, writeQueue, maxWritesInFlight, connectTimeout, v);
  }
}
