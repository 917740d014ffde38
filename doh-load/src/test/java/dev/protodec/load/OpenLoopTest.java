package dev.protodec.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.server.DohServer;
import dev.protodec.doh.server.DohServerConfig;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator against a real server over loopback TLS: the asked rate, every request recorded and checked. */
class OpenLoopTest {

  @Test
  void sendsAtTheAskedRateAndRecordsEveryRequest(@TempDir Path dir) throws Exception {
    CorpusWorkload workload = CorpusWorkload.build(5_000);
    Path zone = dir.resolve("corpus.zone");
    workload.writeZone(zone);
    List<OpenLoop.Request> requests = OpenLoop.requests(workload);
    try (DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder().decoder(DecoderMode.GENERATED)
            .zoneFile(zone).build());
        DohServer server = new DohServer(DohServerConfig.builder()
            .listen(new InetSocketAddress("127.0.0.1", 0)).registry(resolver.registry()).build(), resolver).start();
        OpenLoop generator = new OpenLoop(server.address(), 4)) {
      generator.run(requests, false, 500, Duration.ofMillis(500), Duration.ofSeconds(5), 1); // warm
      double rate = 1_000;
      OpenLoop.Outcome get = generator.run(requests, false, rate, Duration.ofSeconds(1), Duration.ofSeconds(5), 1);
      assertEquals(1_000, get.sent());
      assertEquals(get.sent(), get.latencyMicros().getTotalCount(), "every request recorded");
      assertEquals(0, get.errors(), get.toString());
      assertEquals(get.sent(), get.ok());
      assertEquals(get.sent(), get.parsed(), "every answer parsed and checked");
      assertTrue(Math.abs(get.sentPerSecond() - rate) <= rate * 0.10, "sent " + get.sentPerSecond() + "/s");

      OpenLoop.Outcome post = generator.run(requests, true, rate, Duration.ofMillis(300), Duration.ofSeconds(5), 1);
      assertEquals(0, post.errors(), post.toString());
      assertEquals(300, post.ok());
    }
  }
}
