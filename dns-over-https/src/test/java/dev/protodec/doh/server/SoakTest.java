package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/**
 * A soak at a fixed rate, good and bad requests mixed (hits, misses, bad base64 → 400, unknown path →
 * 404), with Netty's leak detector at PARANOID (every buffer tracked) and a listener on it: no
 * unexpected answer, no leak reported, heap after GC and open file descriptors flat between the first
 * third and the end. CI form: {@value #SHORT_SECONDS} s. Long form (10 minutes): {@code mvn -pl
 * dns-over-https test -Dtest=SoakTest -Dreliability.long=true} (or {@code -Dreliability.soak.seconds=N}).
 */
@Timeout(900)
class SoakTest {

  static final int SHORT_SECONDS = 30;
  static final int RATE = 200;

  @Test
  void fixedRateMixOfGoodAndBadRequestsLeaksNothing() throws Exception {
    int seconds = Integer.getInteger("reliability.soak.seconds", Boolean.getBoolean("reliability.long") ? 600 : SHORT_SECONDS);
    ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    List<String> leaks = new CopyOnWriteArrayList<>();
    Field f = io.netty.buffer.AbstractByteBuf.class.getDeclaredField("leakDetector");
    f.setAccessible(true);
    ResourceLeakDetector<?> detector = (ResourceLeakDetector<?>) f.get(null);
    detector.setLeakListener((type, records) -> leaks.add(type + ": " + records));
    try (DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder().registry(new PrometheusRegistry()).build());
        DohServer server = new DohServer(DohServerConfig.builder().listen(new InetSocketAddress("127.0.0.1", 0))
            .tls(TlsSettings.off()).ioThreads(1).registry(new PrometheusRegistry()).build(), resolver).start();
        LegitH2cClient client = new LegitH2cClient(server.port());
        FixedRateLoad load = new FixedRateLoad("soak", RATE, seconds + 5, 5_000, seq -> {
          int kind = seq % 10;
          int id = seq & 0xffff;
          String path;
          int expect;
          if (kind < 6) {
            path = AttacksUnderLoadTest.getPath("www.example.test.", id);
            expect = 200;
          } else if (kind < 8) {
            path = "/dns-query?dns=" + TestClients.base64Url(TestClients.query("soak" + seq + ".example.test.", Type.AAAA, id));
            expect = 200;
          } else if (kind == 8) {
            path = "/dns-query?dns=***not-base64***";
            expect = 400;
          } else {
            path = "/nowhere?" + seq;
            expect = 404;
          }
          return client.get(path).thenApply(r -> r.status == expect ? null : "status " + r.status + " for " + path);
        })) {
      load.start();
      Thread.sleep(Math.max(3_000, seconds * 1_000L / 3));
      double heapEarly = Reliability.heapAfterGcMiB();
      int fdsEarly = Reliability.openFds();
      long rest = seconds * 1_000L - Math.max(3_000, seconds * 1_000L / 3);
      Thread.sleep(Math.max(1_000, rest));
      load.stop();
      FixedRateLoad.Stats all = load.all();
      double heapEnd = Reliability.heapAfterGcMiB();
      // Leaks are reported when a tracked buffer is found collected at the next allocation: make some.
      for (int i = 0; i < 1_000; i++) {
        ByteBuf b = PooledByteBufAllocator.DEFAULT.buffer(16);
        b.release();
      }
      Thread.sleep(200);
      int fdsEnd = Reliability.openFds();
      boolean pass = all.ok == all.count && leaks.isEmpty() && heapEnd - heapEarly < 32 && fdsEnd - fdsEarly <= 10;
      Reliability.record("soak", seconds + " s at " + RATE + " req/s, 20% bad requests", Reliability.figures(
          "outcome", pass ? "pass" : "FAIL", "requests", all.count, "as expected", all.ok,
          "unexpected", all.failed + all.unanswered, "p99 (ms)", all.p99Millis,
          "heap after GC, 1/3 → end (MiB)", String.format(java.util.Locale.ROOT, "%.1f → %.1f", heapEarly, heapEnd),
          "fds, 1/3 → end", fdsEarly + " → " + fdsEnd, "leak detector", "PARANOID",
          "leaks reported", leaks.size()));
      assertEquals(all.count, all.ok, "unexpected answers: " + all);
      assertTrue(leaks.isEmpty(), "leaks: " + leaks);
      assertTrue(heapEnd - heapEarly < 32, "heap after GC grew from " + heapEarly + " to " + heapEnd + " MiB");
      assertTrue(fdsEnd - fdsEarly <= 10, "file descriptors grew from " + fdsEarly + " to " + fdsEnd);
    } finally {
      detector.setLeakListener(null);
      ResourceLeakDetector.setLevel(before);
    }
  }
}
