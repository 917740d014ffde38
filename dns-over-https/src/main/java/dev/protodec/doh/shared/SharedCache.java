package dev.protodec.doh.shared;

import dev.protodec.doh.cache.CacheKey;
import dev.protodec.doh.cache.CachedAnswer;
import io.lettuce.core.RedisFuture;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.InstantSource;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The second-level cache shared by resolver instances, on Redis: read on an in-process miss within a
 * deadline, written behind the response. Keys are {@link SharedKeys}, values {@link SharedValues}. Redis
 * is a cache here, never a source of truth: whatever goes wrong with it (down, slow, restarting, a value
 * that does not decode) is a miss for the resolver, counted in the metrics.
 *
 * <ul>
 *   <li>{@link #lookup}: one GET; the future completes with the entry, or with null on a miss, error,
 *       refused value, or when the read deadline passes first (the GET's late reply is then ignored).
 *   <li>{@link #offer}: queues the write and returns; a writer thread sends {@code SET key value PX
 *       remaining-TTL+stale-window}, at most {@code maxWritesInFlight} unacknowledged; a full queue drops
 *       the write and counts it.
 *   <li>{@link #reject}: a value the caller could not decode: counted and deleted.
 * </ul>
 *
 * Thread-safe. Nothing here is on the in-process hit path.
 */
public final class SharedCache implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SharedCache.class.getName());

  private final SharedCacheConfig config;
  private final long staleWindowMillis;
  private final InstantSource clock;
  private final long deadlineNanos;
  private final SharedCacheMetrics metrics;
  private final ScheduledThreadPoolExecutor timer;
  private final RedisLink link;
  private final BlockingQueue<PendingWrite> writes;
  private final Semaphore writesInFlight;
  /** Writes offered and not yet acknowledged, failed or given up: queued, being sent, or in flight. */
  private final AtomicInteger unfinishedWrites = new AtomicInteger();
  private final Thread writer;
  private volatile boolean closed;

  /** The status {@code serve}'s health and tests read. */
  public record Status(boolean up, String lastError) {}

  private record PendingWrite(CacheKey key, byte[] payload, long expiresAtMillis, int ttlSeconds, int rcode) {}

  /**
   * Starts connecting (in the background: the constructor does not wait for Redis) and the writer.
   *
   * @param staleWindowMillis how long past expiry entries stay in Redis (the serve-stale window)
   * @param clock the time expiries are computed by (the resolver's)
   * @param registry where the metrics go
   */
  public SharedCache(SharedCacheConfig config, long staleWindowMillis, InstantSource clock,
      PrometheusRegistry registry) {
    this.config = config;
    this.staleWindowMillis = staleWindowMillis;
    this.clock = clock;
    this.deadlineNanos = config.readDeadline().toNanos();
    this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "shared-cache-timer"));
    timer.setRemoveOnCancelPolicy(true);
    this.writes = new ArrayBlockingQueue<>(config.writeQueue());
    this.writesInFlight = new Semaphore(config.maxWritesInFlight());
    this.metrics = new SharedCacheMetrics(registry);
    this.link = new RedisLink(config, timer, metrics);
    metrics.up(link::up);
    this.writer = daemon(this::drainWrites, "shared-cache-writer");
    writer.start();
    link.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public SharedCacheConfig config() {
    return config;
  }

  /** Up, and why the last connection attempt failed (null when connected). */
  public Status status() {
    return new Status(link.up(), link.lastError());
  }

  /**
   * The entry under {@code key} in Redis, fresh or within the stale window (the caller decides which it
   * serves); its payload is the protobuf message. Completes, never exceptionally, by the read deadline.
   */
  public CompletableFuture<CachedAnswer> lookup(CacheKey key) {
    byte[] k = SharedKeys.of(key);
    Outcome result = new Outcome();
    RedisFuture<byte[]> get;
    try {
      get = link.get(k);
    } catch (RuntimeException e) {
      get = null;
    }
    if (get == null) {
      result.settle(null, metrics::error);
      return result.future;
    }
    ScheduledFuture<?> deadline = timer.schedule(() -> result.settle(null, metrics::timeout), deadlineNanos,
        TimeUnit.NANOSECONDS);
    get.whenComplete((value, error) -> {
      deadline.cancel(false);
      read(k, value, error, result);
    });
    return result.future;
  }

  private void read(byte[] key, byte[] value, Throwable error, Outcome result) {
    if (error != null) {
      result.settle(null, metrics::error);
      LOG.log(System.Logger.Level.DEBUG, "shared cache: GET failed", error);
      return;
    }
    if (value == null) {
      result.settle(null, metrics::miss);
      return;
    }
    SharedValues.Decoded decoded = SharedValues.decode(key, value);
    if (decoded.entry() == null) {
      result.settle(null, () -> metrics.rejected(decoded.rejection(), true));
      delete(key, decoded.rejection());
      return;
    }
    CachedAnswer entry = decoded.entry();
    long now = clock.millis();
    if (entry.isFresh(now)) {
      result.settle(entry, metrics::hit);
    } else if (entry.isServableStale(now, staleWindowMillis)) {
      result.settle(entry, metrics::stale);
    } else {
      result.settle(null, metrics::miss);
    }
  }

  /**
   * A lookup's result, settled once, by the reply or the deadline, whichever comes first. The outcome is
   * counted before the future completes: completing runs the resolver's answer on this thread, and
   * whoever that answer wakes (a client, a test) must find the count already there.
   */
  private static final class Outcome {
    final CompletableFuture<CachedAnswer> future = new CompletableFuture<>();
    private final AtomicBoolean settled = new AtomicBoolean();

    void settle(CachedAnswer entry, Runnable count) {
      if (settled.compareAndSet(false, true)) {
        count.run();
        future.complete(entry);
      }
    }
  }

  /** A value under {@code key} that did not decode when the answer was written: counted and deleted. */
  public void reject(CacheKey key, SharedValues.Rejection why) {
    refuse(SharedKeys.of(key), why, false);
  }

  private void refuse(byte[] key, SharedValues.Rejection why, boolean onLookup) {
    metrics.rejected(why, onLookup);
    delete(key, why);
  }

  /** Logs and deletes a refused value (after the answer that needed it has gone on without it). */
  private void delete(byte[] key, SharedValues.Rejection why) {
    LOG.log(System.Logger.Level.WARNING, "shared cache: refused the value of {0} ({1}); deleting it",
        new String(key, java.nio.charset.StandardCharsets.US_ASCII), why);
    try {
      link.delete(key);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "shared cache: DEL failed", e);
    }
  }

  /**
   * Queues {@code entry} (with {@code payload}, its protobuf message) to be written under {@code key};
   * returns at once. Dropped, and counted, if the queue is full.
   *
   * @param key an immutable key (a {@link CacheKey#copy()})
   */
  public void offer(CacheKey key, byte[] payload, CachedAnswer entry) {
    unfinishedWrites.incrementAndGet();
    if (!writes.offer(new PendingWrite(key, payload, entry.expiresAtMillis(), entry.ttlSeconds(), entry.rcode()))) {
      unfinishedWrites.decrementAndGet();
      metrics.dropped();
    }
  }

  private void drainWrites() {
    while (!closed) {
      PendingWrite w;
      try {
        w = writes.poll(200, TimeUnit.MILLISECONDS);
        if (w == null) {
          continue;
        }
        writesInFlight.acquire();
      } catch (InterruptedException e) {
        return;
      }
      try {
        write(w);
      } catch (RuntimeException e) {
        writeEnded();
        metrics.writeError();
        LOG.log(System.Logger.Level.DEBUG, "shared cache: SET failed", e);
      }
    }
  }

  private void write(PendingWrite w) {
    long expiry = w.expiresAtMillis() + staleWindowMillis - clock.millis();
    if (expiry <= 0) {
      writeEnded();
      return;
    }
    byte[] key = SharedKeys.of(w.key());
    byte[] value = SharedValues.encode(key, w.payload(), w.expiresAtMillis(), w.ttlSeconds(), w.rcode());
    RedisFuture<String> set = link.set(key, value, expiry);
    if (set == null) {
      writeEnded();
      metrics.writeError();
      return;
    }
    set.whenComplete((ok, error) -> {
      writeEnded();
      if (error != null) {
        metrics.writeError();
      } else {
        metrics.written();
      }
    });
  }

  private void writeEnded() {
    writesInFlight.release();
    unfinishedWrites.decrementAndGet();
  }

  /** Writes offered and not yet ended: queued, being sent or awaiting Redis's reply (tests wait for zero). */
  public int pendingWrites() {
    return unfinishedWrites.get();
  }

  @Override
  public void close() {
    closed = true;
    writer.interrupt();
    link.close();
    timer.shutdownNow();
  }
}
