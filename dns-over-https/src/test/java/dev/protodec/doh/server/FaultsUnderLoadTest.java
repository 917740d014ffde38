package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/**
 * The chaos check on loopback: the real server and resolver, three upstreams that are {@link FaultProxy}
 * proxies in front of the embedded zone, and a steady load of {@value #RATE} requests a second (95%
 * hits on eight names, 5% misses on names never asked before) over h2c. Faults, one after the other,
 * each followed by a recovery: 100 ms delay with 50 ms jitter on every upstream; 30% loss on every
 * upstream; one upstream killed, then restarted; all upstreams down (serve-stale carries the hits,
 * whose entries expire every 2 s). The SLA, as in the article: during each fault p99 ≤ 800 ms and
 * success ≥ 99.5% (for all-down: over the hits; misses then get a quick SERVFAIL, which is counted
 * and reported, not hidden); after it, back to the baseline p99 within 60 s. Recovery = the end of the
 * first one-second window, after the fault ends, whose p99 is within max(2 × baseline, baseline + 20 ms).
 *
 * <p>Short form (CI): {@value #SHORT_SECONDS} s per fault. Long form, 30 s per fault as the issue asks:
 * {@code mvn -pl dns-over-https test -Dtest=FaultsUnderLoadTest -Dreliability.long=true}.
 */
@Timeout(600)
class FaultsUnderLoadTest {

  static final int RATE = 200;
  static final int SHORT_SECONDS = 6;
  static final double P99_SLA_MILLIS = 800;
  static final double SUCCESS_SLA = 0.995;
  static final long RECOVERY_BOUND_SECONDS = 60;

  private static final String[] HITS = {
    "www.example.test.", "mail.example.test.", "mail2.example.test.", "example.test.", "ns1.example.test.",
    "alias.example.test.", "srv.example.test.", "short.example.test."
  };

  @Test
  void slaHoldsThroughDelayLossAKilledUpstreamAndAllUpstreamsDown() throws Exception {
    boolean longForm = Boolean.getBoolean("reliability.long");
    int faultSeconds = longForm ? 30 : SHORT_SECONDS;
    int maxSeconds = 20 + 4 * (faultSeconds + 25);
    List<FaultProxy> proxies = new ArrayList<>();
    try (EmbeddedZoneServer zone = EmbeddedZoneServer.bundled().start()) {
      for (int i = 0; i < 3; i++) {
        proxies.add(new FaultProxy(zone.address()));
      }
      List<InetSocketAddress> upstreams = new ArrayList<>();
      proxies.forEach(p -> upstreams.add(p.address()));
      PrometheusRegistry registry = new PrometheusRegistry();
      try (DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder()
              .upstreams(upstreams)
              .upstreamTimeout(Duration.ofMillis(250))
              .upstreamAttempts(3)
              .healthProbeInterval(Duration.ofMillis(500))
              .maxTtl(2)
              .staleClientTimeout(Duration.ofMillis(300))
              .registry(registry)
              .build());
          DohServer server = new DohServer(DohServerConfig.builder()
                  .listen(new InetSocketAddress("127.0.0.1", 0)).tls(TlsSettings.off()).ioThreads(1)
                  .registry(registry).build(), resolver).start();
          LegitH2cClient client = new LegitH2cClient(server.port());
          FixedRateLoad hits = new FixedRateLoad("hits", RATE * 95 / 100, maxSeconds, 5_000, seq ->
              ask(client, HITS[seq % HITS.length], seq, false));
          FixedRateLoad misses = new FixedRateLoad("misses", RATE * 5 / 100, maxSeconds, 5_000, seq ->
              ask(client, "miss" + seq + "-" + System.nanoTime() + ".example.test.", seq, true))) {
        hits.start();
        misses.start();
        Thread.sleep(2_000); // warm: every hit name cached once
        long baseFrom = hits.elapsedNanos();
        Thread.sleep(5_000);
        FixedRateLoad.Stats baseHits = hits.between(baseFrom, hits.elapsedNanos());
        FixedRateLoad.Stats baseMisses = misses.between(baseFrom - 0, misses.elapsedNanos());
        double baseline = combinedP99(hits, misses, baseFrom, hits.elapsedNanos());
        Reliability.record("faults", "baseline (no fault)", Reliability.figures(
            "outcome", "-", "fault (s)", 5, "requests", baseHits.count + baseMisses.count,
            "success", pct(baseHits.ok + baseMisses.ok, baseHits.count + baseMisses.count),
            "p99 during (ms)", baseline, "hits p99 (ms)", baseHits.p99Millis, "misses p99 (ms)", baseMisses.p99Millis));

        List<String> failures = new ArrayList<>();
        phase("100 ms delay + 50 ms jitter, every upstream", faultSeconds, hits, misses, baseline, false, failures,
            () -> proxies.forEach(p -> p.delay(100, 50)), () -> proxies.forEach(FaultProxy::clear));
        phase("30% loss, every upstream", faultSeconds, hits, misses, baseline, false, failures,
            () -> proxies.forEach(p -> p.loss(0.30)), () -> proxies.forEach(FaultProxy::clear));
        phase("one upstream killed, then restarted", faultSeconds, hits, misses, baseline, false, failures,
            () -> proxies.get(0).kill(), () -> restart(proxies.get(0)));
        phase("all upstreams down (serve-stale)", faultSeconds, hits, misses, baseline, true, failures,
            () -> proxies.forEach(FaultProxy::kill), () -> proxies.forEach(FaultsUnderLoadTest::restart));
        hits.stop();
        misses.stop();
        assertTrue(failures.isEmpty(), String.join("; ", failures));
      }
    } finally {
      proxies.forEach(FaultProxy::close);
    }
  }

  private static void restart(FaultProxy p) {
    try {
      p.restart();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String pct(int ok, int count) {
    return String.format(java.util.Locale.ROOT, "%.2f%%", count == 0 ? 100.0 : 100.0 * ok / count);
  }

  /** p99 over both loads' requests due in the range, merged. */
  private static double combinedP99(FixedRateLoad hits, FixedRateLoad misses, long from, long to) {
    return FixedRateLoad.mergedPercentile(0.99, from, to, hits, misses);
  }

  private void phase(String name, int seconds, FixedRateLoad hits, FixedRateLoad misses, double baseline,
      boolean hitsOnly, List<String> failures, Runnable fault, Runnable heal) throws Exception {
    long from = hits.elapsedNanos();
    fault.run();
    Thread.sleep(seconds * 1_000L);
    long to = hits.elapsedNanos();
    heal.run();
    double threshold = Math.max(2 * baseline, baseline + 20);
    long recoveredAt = -1;
    long window = 1_000_000_000L;
    long limit = to + RECOVERY_BOUND_SECONDS * 1_000_000_000L;
    for (long w = to; w + window <= limit; w += window / 2) {
      while (hits.elapsedNanos() < w + window + 300_000_000L) { // answers of the window are in
        Thread.sleep(50);
      }
      if (combinedP99(hits, misses, w, w + window) <= threshold) {
        recoveredAt = w + window;
        break;
      }
    }
    FixedRateLoad.Stats h = hits.between(from, to);
    FixedRateLoad.Stats m = misses.between(from, to);
    int count = hitsOnly ? h.count : h.count + m.count;
    int ok = hitsOnly ? h.ok : h.ok + m.ok;
    double p99 = hitsOnly ? h.p99Millis : combinedP99(hits, misses, from, to);
    double success = count == 0 ? 1 : ok / (double) count;
    double recovery = recoveredAt < 0 ? -1 : (recoveredAt - to) / 1e9;
    boolean pass = p99 <= P99_SLA_MILLIS && success >= SUCCESS_SLA && recoveredAt >= 0;
    Reliability.record("faults", name, Reliability.figures(
        "outcome", pass ? "pass" : "FAIL", "fault (s)", seconds, "requests", count,
        "success", pct(ok, count) + (hitsOnly ? " of hits; misses " + pct(m.ok, m.count) + " (SERVFAIL, p99 "
            + String.format(java.util.Locale.ROOT, "%.0f", m.p99Millis) + " ms)" : ""),
        "p99 during (ms)", p99, "hits p99 (ms)", h.p99Millis, "misses p99 (ms)", m.p99Millis,
        "recovery (s)", recovery));
    if (!pass) {
      failures.add(name + ": p99 " + p99 + " ms, success " + success + ", recovery " + recovery + " s; hits " + h + "; misses " + m);
    }
  }

  /** Completes with null if answered with NOERROR (hits) or NXDOMAIN (misses) and the client's ID. */
  private static java.util.concurrent.CompletableFuture<String> ask(LegitH2cClient client, String name, int seq, boolean miss) {
    int id = seq & 0xffff;
    return client.get("/dns-query?dns=" + TestClients.base64Url(TestClients.query(name, Type.A, id))).thenApply(r -> {
      if (r.status != 200 || r.body.length < 12) {
        return "status " + r.status;
      }
      int got = ((r.body[0] & 0xff) << 8) | (r.body[1] & 0xff);
      int rcode = r.body[3] & 0x0f;
      if (got != id) {
        return "ID " + got;
      }
      return rcode == (miss ? 3 : 0) ? null : "rcode " + rcode;
    });
  }
}
