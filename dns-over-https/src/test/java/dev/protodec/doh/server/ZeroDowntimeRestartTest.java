package dev.protodec.doh.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import io.netty.channel.epoll.Epoll;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A restart under load without a failed request: instance A serves with {@code SO_REUSEPORT}; B binds
 * the same port while A still listens, then A is closed (what {@code serve} does on SIGTERM: stop
 * accepting, GOAWAY, drain in-flight requests); then the same from B to C. A legitimate h2c client at
 * 200 requests a second rides through both, reconnecting on GOAWAY as clients do; every request must
 * be answered 200 with its ID.
 */
@Timeout(60)
class ZeroDowntimeRestartTest {

  private static DohServer start(int port, DefaultResolver resolver) throws Exception {
    return new DohServer(DohServerConfig.builder()
            .listen(new InetSocketAddress("127.0.0.1", port))
            .tls(TlsSettings.off())
            .reusePort(true)
            .drainTimeout(Duration.ofSeconds(2))
            .ioThreads(1)
            .registry(new PrometheusRegistry())
            .build(), resolver).start();
  }

  @Test
  void twoRestartsUnderLoadLoseNoRequest() throws Exception {
    Assumptions.assumeTrue(Epoll.isAvailable(), "SO_REUSEPORT needs the epoll transport");
    try (DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder().registry(new PrometheusRegistry()).build())) {
      DohServer current = start(0, resolver);
      int port = current.port();
      long[] handover = new long[2];
      try (LegitH2cClient client = new LegitH2cClient(port);
          FixedRateLoad load = new FixedRateLoad("restart", 200, 30, 5_000, AttacksUnderLoadTest.legitSender(client))) {
        load.start();
        for (int i = 0; i < 2; i++) {
          Thread.sleep(2_000);
          DohServer next = start(port, resolver); // binds while the old one still listens
          long t = System.nanoTime();
          current.close(); // stops accepting, GOAWAY, drains
          handover[i] = (System.nanoTime() - t) / 1_000_000L;
          current = next;
        }
        Thread.sleep(2_000);
        load.stop();
        FixedRateLoad.Stats all = load.all();
        Reliability.record("restart", "2 restarts with SO_REUSEPORT under 200 req/s", Reliability.figures(
            "outcome", all.ok == all.count ? "pass" : "FAIL",
            "requests", all.count, "answered", all.ok, "failed", all.failed + all.unanswered,
            "p99 (ms)", all.p99Millis, "max (ms)", all.maxMillis,
            "client reconnections", client.connections() - 1, "requests sent again (GOAWAY)", client.retries(),
            "old instance close (ms)", handover[0] + " / " + handover[1]));
        assertEquals(all.count, all.ok, "requests lost across the restarts: " + all);
        assertTrue(client.connections() >= 3, "the client never moved to the new instance: " + client.connections());
      } finally {
        current.close();
      }
    }
  }
}
