package dev.protodec.doh.shared;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.BooleanSupplier;

/**
 * The shared cache's Prometheus metrics: lookups by result, writes by result, values refused by reason,
 * and whether Redis is up. Every data point is resolved at start-up.
 */
final class SharedCacheMetrics {
  private final CounterDataPoint hits;
  private final CounterDataPoint stale;
  private final CounterDataPoint misses;
  private final CounterDataPoint timeouts;
  private final CounterDataPoint errors;
  private final CounterDataPoint rejectedLookups;
  private final CounterDataPoint written;
  private final CounterDataPoint writeErrors;
  private final CounterDataPoint dropped;
  private final CounterDataPoint[] rejected;
  private final CounterDataPoint connectFailures;

  private final PrometheusRegistry registry;

  SharedCacheMetrics(PrometheusRegistry registry) {
    this.registry = registry;
    Counter lookups = Counter.builder().name("doh_shared_cache_lookups")
        .help("Shared cache (Redis) lookups after an in-process miss, by result: hit, stale (expired, within"
            + " the serve-stale window), miss, timeout (past the read deadline), error (Redis down or"
            + " failing), rejected (a value that did not decode)")
        .labelNames("result").register(registry);
    hits = lookups.labelValues("hit");
    stale = lookups.labelValues("stale");
    misses = lookups.labelValues("miss");
    timeouts = lookups.labelValues("timeout");
    errors = lookups.labelValues("error");
    rejectedLookups = lookups.labelValues("rejected");
    Counter writes = Counter.builder().name("doh_shared_cache_writes")
        .help("Upstream answers written behind the response, by result: written, error, dropped (queue full)")
        .labelNames("result").register(registry);
    written = writes.labelValues("written");
    writeErrors = writes.labelValues("error");
    dropped = writes.labelValues("dropped");
    Counter refused = Counter.builder().name("doh_shared_cache_rejected_values")
        .help("Values read from Redis that were never served, and deleted, by reason: corrupt, version"
            + " (another format version), undecodable (the payload did not decode)")
        .labelNames("reason").register(registry);
    SharedValues.Rejection[] reasons = SharedValues.Rejection.values();
    rejected = new CounterDataPoint[reasons.length];
    for (SharedValues.Rejection reason : reasons) {
      rejected[reason.ordinal()] = refused.labelValues(reason.name().toLowerCase(java.util.Locale.ROOT));
    }
    connectFailures = Counter.builder().name("doh_shared_cache_connect_failures")
        .help("Failed attempts to connect to Redis (unreachable, TLS, wrong user or password)")
        .register(registry).labelValues();
  }

  /** Registers the up gauge, read at scrape time. */
  void up(BooleanSupplier up) {
    GaugeWithCallback.builder().name("doh_shared_cache_up").help("1 if the connection to Redis is up")
        .callback(cb -> cb.call(up.getAsBoolean() ? 1 : 0)).register(registry);
  }

  void hit() {
    hits.inc();
  }

  void stale() {
    stale.inc();
  }

  void miss() {
    misses.inc();
  }

  void timeout() {
    timeouts.inc();
  }

  void error() {
    errors.inc();
  }

  void rejected(SharedValues.Rejection reason, boolean onLookup) {
    rejected[reason.ordinal()].inc();
    if (onLookup) {
      rejectedLookups.inc();
    }
  }

  void written() {
    written.inc();
  }

  void writeError() {
    writeErrors.inc();
  }

  void dropped() {
    dropped.inc();
  }

  void connectFailure() {
    connectFailures.inc();
  }
}
