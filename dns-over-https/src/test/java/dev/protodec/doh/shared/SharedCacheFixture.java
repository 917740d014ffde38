package dev.protodec.doh.shared;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.testing.TestClock;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the shared-cache tests share: resolvers on one clock, closed in reverse order; metric reads; waits. */
final class SharedCacheFixture implements AutoCloseable {
  final TestClock clock = new TestClock();
  private final List<AutoCloseable> closing = new ArrayList<>();

  <T extends AutoCloseable> T closing(T c) {
    closing.add(0, c);
    return c;
  }

  /** A resolver on the fixture's clock, sharing through {@code uri}, no health probes, no prefetch. */
  DefaultResolver resolver(ResolverConfig.Builder config, String uri, Duration deadline) {
    SharedCacheConfig shared = SharedCacheConfig.of(SharedCacheUri.parse(uri)).withReadDeadline(deadline)
        .withMaxReconnectDelay(Duration.ofMillis(200));
    return closing(new DefaultResolver(config.clock(clock).healthProbeInterval(Duration.ZERO).prefetchPercent(0)
        .sharedCache(shared).build()));
  }

  static SharedCache shared(DefaultResolver r) {
    return r.sharedCache().orElseThrow();
  }

  /** Waits (at most 10 s) until {@code r} is connected. */
  static void awaitUp(DefaultResolver r) {
    awaitTrue(() -> shared(r).status().up(), Duration.ofSeconds(10), "Redis connected");
  }

  /** Waits (at most 5 s) until every write of {@code r} was acknowledged. */
  static void awaitWrites(DefaultResolver r) {
    awaitTrue(() -> shared(r).pendingWrites() == 0, Duration.ofSeconds(5), "writes acknowledged");
  }

  static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
    long until = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "timed out waiting for: " + what);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The value of counter {@code name} with label {@code label}={@code value} in {@code r}'s registry. */
  static long counter(DefaultResolver r, String name, String label, String value) {
    for (MetricSnapshot m : r.registry().scrape()) {
      if (m instanceof CounterSnapshot && m.getMetadata().getName().equals(name)) {
        for (CounterSnapshot.CounterDataPointSnapshot d : ((CounterSnapshot) m).getDataPoints()) {
          if (label == null || value.equals(d.getLabels().get(label))) {
            return (long) d.getValue();
          }
        }
      }
    }
    return 0;
  }

  static long lookups(DefaultResolver r, String result) {
    return counter(r, "doh_shared_cache_lookups", "result", result);
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }
}
