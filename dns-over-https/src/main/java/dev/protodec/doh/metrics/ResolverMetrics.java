package dev.protodec.doh.metrics;

import dev.protodec.doh.resolver.MalformedQueryException;
import dev.protodec.doh.upstream.UpstreamListener;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;

/**
 * The resolver's Prometheus metrics. Every label combination the hit path touches is resolved to a data
 * point at start-up, so counting a query is an array index and an atomic add: no label lookup, no
 * allocation. Decode time is a histogram per decoder, observed for a sample of hits only.
 */
public final class ResolverMetrics implements UpstreamListener {
  /** The qtypes with their own label value; every other qtype counts as {@code other}. */
  private static final int[] QTYPES = {1, 2, 5, 6, 12, 15, 16, 28, 33, 43, 48, 64, 65, 255};
  private static final String[] QTYPE_NAMES = {
    "A", "NS", "CNAME", "SOA", "PTR", "MX", "TXT", "AAAA", "SRV", "DS", "DNSKEY", "SVCB", "HTTPS", "ANY", "other",
  };
  private static final String[] RCODE_NAMES = {
    "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET",
    "NOTAUTH", "NOTZONE", "RCODE11", "RCODE12", "RCODE13", "RCODE14", "RCODE15", "BADVERS", "other",
  };

  private final CounterDataPoint[][] queries;
  private final byte[] qtypeIndex = new byte[256];
  private final CounterDataPoint hits;
  private final CounterDataPoint misses;
  private final CounterDataPoint stale;
  private final CounterDataPoint prefetches;
  private final CounterDataPoint coalesced;
  private final CounterDataPoint[] malformed;
  private final DistributionDataPoint decodeSeconds;
  private final Histogram upstreamRtt;
  private final Counter upstreamFailures;
  private final Gauge upstreamUp;

  /**
   * Registers the metrics in {@code registry}.
   *
   * @param decoder the decoder label of the decode-time histogram
   * @param cacheBytes the cache's weighted size, read at scrape time
   * @param cacheEntries the cache's entry count, read at scrape time
   */
  public ResolverMetrics(PrometheusRegistry registry, String decoder, LongSupplier cacheBytes,
      LongSupplier cacheEntries) {
    Counter queryCounter = Counter.builder().name("doh_resolver_queries")
        .help("Answers given, by rcode and qtype").labelNames("rcode", "qtype").register(registry);
    queries = new CounterDataPoint[RCODE_NAMES.length][QTYPE_NAMES.length];
    for (int r = 0; r < RCODE_NAMES.length; r++) {
      for (int t = 0; t < QTYPE_NAMES.length; t++) {
        queries[r][t] = queryCounter.labelValues(RCODE_NAMES[r], QTYPE_NAMES[t]);
      }
    }
    java.util.Arrays.fill(qtypeIndex, (byte) (QTYPES.length));
    for (int i = 0; i < QTYPES.length; i++) {
      qtypeIndex[QTYPES[i]] = (byte) i;
    }
    Counter cache = Counter.builder().name("doh_resolver_cache_lookups")
        .help("Cache lookups by result: hit (fresh), miss, stale (served after expiry, RFC 8767), "
            + "prefetch (a hit that started a refresh), coalesced (a miss that joined a query under way)")
        .labelNames("result").register(registry);
    hits = cache.labelValues("hit");
    misses = cache.labelValues("miss");
    stale = cache.labelValues("stale");
    prefetches = cache.labelValues("prefetch");
    coalesced = cache.labelValues("coalesced");
    Counter bad = Counter.builder().name("doh_resolver_malformed_queries")
        .help("Queries rejected as not DNS, by reason").labelNames("reason").register(registry);
    MalformedQueryException.Reason[] reasons = MalformedQueryException.Reason.values();
    malformed = new CounterDataPoint[reasons.length];
    for (MalformedQueryException.Reason reason : reasons) {
      malformed[reason.ordinal()] = bad.labelValues(reason.name().toLowerCase(java.util.Locale.ROOT));
    }
    GaugeWithCallback.builder().name("doh_resolver_cache_bytes").help("Weighted size of the answer cache")
        .unit(Unit.BYTES).callback(cb -> cb.call(cacheBytes.getAsLong())).register(registry);
    GaugeWithCallback.builder().name("doh_resolver_cache_entries").help("Entries in the answer cache")
        .callback(cb -> cb.call(cacheEntries.getAsLong())).register(registry);
    decodeSeconds = Histogram.builder().name("doh_resolver_decode_seconds")
        .help("Time to decode a cached answer and write the wire answer (a sample of hits)")
        .unit(Unit.SECONDS).labelNames("decoder").classicOnly()
        .classicUpperBounds(1e-7, 2.5e-7, 5e-7, 1e-6, 2.5e-6, 5e-6, 1e-5, 2.5e-5, 5e-5, 1e-4, 1e-3)
        .register(registry).labelValues(decoder);
    upstreamRtt = Histogram.builder().name("doh_upstream_rtt_seconds").help("Upstream round-trip time")
        .unit(Unit.SECONDS).labelNames("upstream").classicOnly()
        .classicUpperBounds(1e-4, 2.5e-4, 5e-4, 1e-3, 2.5e-3, 5e-3, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)
        .register(registry);
    upstreamFailures = Counter.builder().name("doh_upstream_failures")
        .help("Upstream queries that failed (timeout, I/O error, mismatched reply)").labelNames("upstream")
        .register(registry);
    upstreamUp = Gauge.builder().name("doh_upstream_up").help("1 if the upstream is considered healthy")
        .labelNames("upstream").register(registry);
  }

  /** An answer went out with {@code rcode} (12 bits) for {@code qtype}. */
  public void answered(int rcode, int qtype) {
    int r = rcode >= 0 && rcode <= 16 ? rcode : RCODE_NAMES.length - 1;
    int t = qtype >= 0 && qtype < 256 ? qtypeIndex[qtype] : QTYPES.length;
    queries[r][t].inc();
  }

  public void hit() {
    hits.inc();
  }

  public void miss() {
    misses.inc();
  }

  public void staleServed() {
    stale.inc();
  }

  public void prefetch() {
    prefetches.inc();
  }

  public void coalesced() {
    coalesced.inc();
  }

  public void malformed(MalformedQueryException.Reason reason) {
    malformed[reason.ordinal()].inc();
  }

  /** One sampled decode took {@code nanos}. */
  public void decodeTime(long nanos) {
    decodeSeconds.observe(nanos / 1e9);
  }

  @Override
  public void onReply(InetSocketAddress upstream, long rttNanos) {
    upstreamRtt.labelValues(label(upstream)).observe(rttNanos / 1e9);
  }

  @Override
  public void onFailure(InetSocketAddress upstream, Throwable error) {
    upstreamFailures.labelValues(label(upstream)).inc();
  }

  @Override
  public void onHealthChange(InetSocketAddress upstream, boolean healthy) {
    upstreamUp.labelValues(label(upstream)).set(healthy ? 1 : 0);
  }

  private static String label(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }
}
