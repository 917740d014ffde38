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

  /** Answers late (20 ms unless set), from a timer thread: many more requests in flight than the server allows streams. */
  private static final class SlowResolver implements dev.protodec.doh.resolver.Resolver {
    private final DefaultResolver inner;
    volatile long delayMillis = 20;
    private final java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    SlowResolver(DefaultResolver inner) {
      this.inner = inner;
    }

    @Override
    public void resolve(byte[] query, int offset, int length, dev.protodec.doh.resolver.AnswerCallback callback) {
      inner.resolve(query, offset, length, new dev.protodec.doh.resolver.AnswerCallback() {
        @Override
        public void onAnswer(byte[] answer, int n, int maxAge) {
          byte[] copy = java.util.Arrays.copyOf(answer, n);
          timer.schedule(() -> callback.onAnswer(copy, n, maxAge), delayMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void onMalformed(dev.protodec.doh.resolver.MalformedQueryException e) {
          callback.onMalformed(e);
        }
      });
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }

  @Test
  void requestsBeyondTheServersStreamLimitWaitInTheClientAndAreAllAnswered(@TempDir Path dir) throws Exception {
    CorpusWorkload workload = CorpusWorkload.build(2_000);
    Path zone = dir.resolve("corpus.zone");
    workload.writeZone(zone);
    List<OpenLoop.Request> requests = OpenLoop.requests(workload);
    try (DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder().zoneFile(zone).build());
        SlowResolver slow = new SlowResolver(resolver);
        DohServer server = new DohServer(DohServerConfig.builder().listen(new InetSocketAddress("127.0.0.1", 0))
            .maxConcurrentStreams(4).registry(resolver.registry()).build(), slow).start();
        OpenLoop generator = new OpenLoop(server.address(), 1)) {
      // 1,000/s answered 20 ms late: about 20 in flight on one connection that allows 4 streams
      OpenLoop.Outcome run = generator.run(requests, false, 1_000, Duration.ofMillis(500), Duration.ofSeconds(10), 10);
      assertEquals(500, run.sent());
      assertEquals(0, run.errors(), run.toString());
      assertEquals(500, run.ok());
      assertTrue(run.latencyMicros().getValueAtPercentile(99) >= 20_000, "queued requests show their wait");
    }
  }

  @Test
  void aRunIsNotHeldUpByTheRequestsAnEarlierRunLeftUnanswered(@TempDir Path dir) throws Exception {
    CorpusWorkload workload = CorpusWorkload.build(2_000);
    Path zone = dir.resolve("corpus.zone");
    workload.writeZone(zone);
    List<OpenLoop.Request> requests = OpenLoop.requests(workload);
    try (DefaultResolver resolver = new DefaultResolver(ResolverConfig.builder().zoneFile(zone).build());
        SlowResolver slow = new SlowResolver(resolver);
        DohServer server = new DohServer(DohServerConfig.builder().listen(new InetSocketAddress("127.0.0.1", 0))
            .maxConcurrentStreams(4).registry(resolver.registry()).build(), slow).start();
        OpenLoop generator = new OpenLoop(server.address(), 1)) {
      // answers 5 s late: the run ends with 4 streams open on the server and the rest waiting in the client
      slow.delayMillis = 5_000;
      OpenLoop.Outcome stuck = generator.run(requests, false, 1_000, Duration.ofMillis(200), Duration.ofMillis(100), 10);
      assertEquals(200, stuck.timeouts(), stuck.toString());

      slow.delayMillis = 0;
      OpenLoop.Outcome next = generator.run(requests, false, 1_000, Duration.ofMillis(500), Duration.ofSeconds(10), 10);
      assertEquals(0, next.errors(), next.toString());
      assertEquals(500, next.ok());
      // queued behind the first run's 196 waiting requests it would wait 4 x 5 s x 49 rounds
      assertTrue(next.latencyMicros().getMaxValue() < 4_000_000, "max " + next.latencyMicros().getMaxValue() + " us");
    }
  }
}
