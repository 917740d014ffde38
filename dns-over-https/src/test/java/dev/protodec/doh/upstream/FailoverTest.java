package dev.protodec.doh.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.testing.Queries;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class FailoverTest {
  @Test
  void aDeadUpstreamIsSkippedMarkedDownAndBroughtBackUp() throws Exception {
    InetSocketAddress dead;
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      dead = (InetSocketAddress) s.getLocalSocketAddress();
    }
    try (EmbeddedZoneServer live = EmbeddedZoneServer.bundled().start();
        DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder()
            .upstreams(List.of(dead, live.address())).upstreamTimeout(Duration.ofMillis(150))
            .healthProbeInterval(Duration.ofMillis(50)).healthFailureThreshold(2).build())) {
      assertEquals(Rcode.NOERROR,
          Queries.askAndParse(resolver, Queries.query("www.example.test.", Type.A, 1)).getRcode());
      UpstreamPool pool = resolver.upstreams();
      await(() -> !pool.isHealthy(dead));
      assertTrue(pool.isHealthy(live.address()));
      assertEquals(Rcode.NOERROR,
          Queries.askAndParse(resolver, Queries.query("mail.example.test.", Type.A, 2)).getRcode());
      try (EmbeddedZoneServer revived = new EmbeddedZoneServer(dead, null).start()) {
        await(() -> pool.isHealthy(dead));
        assertTrue(revived.queries() > 0);
      }
      String metrics = resolver.registry().scrape().toString();
      assertFalse(metrics.isEmpty());
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not met within 10 s");
      Thread.sleep(10);
    }
  }
}
