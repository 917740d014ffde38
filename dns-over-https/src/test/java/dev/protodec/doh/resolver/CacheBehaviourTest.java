package dev.protodec.doh.resolver;

import static dev.protodec.doh.testing.Queries.ask;
import static dev.protodec.doh.testing.Queries.askAndParse;
import static dev.protodec.doh.testing.Queries.ednsQuery;
import static dev.protodec.doh.testing.Queries.parse;
import static dev.protodec.doh.testing.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.testing.TestClock;
import dev.protodec.doh.testing.TestUpstream;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class CacheBehaviourTest {
  private final TestClock clock = new TestClock();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T closing(T c) {
    closing.add(0, c);
    return c;
  }

  private DefaultResolver resolver(ResolverConfig.Builder config) {
    return closing(new DefaultResolver(config.clock(clock).healthProbeInterval(Duration.ZERO).build()));
  }

  private EmbeddedZoneServer zone() throws Exception {
    return closing(EmbeddedZoneServer.bundled().start());
  }

  @Test
  void ttlsDecayBetweenHitsAndMaxAgeFollows() throws Exception {
    EmbeddedZoneServer zone = zone();
    DefaultResolver r = resolver(ResolverConfig.builder().upstreams(List.of(zone.address())));
    ResolverSupport.Answer first = ask(r, query("www.example.test.", Type.A, 1));
    assertEquals(300, first.maxAgeSeconds());
    clock.advanceSeconds(100.5);
    ResolverSupport.Answer second = ask(r, query("www.example.test.", Type.A, 2));
    assertEquals(200, second.maxAgeSeconds());
    Message m = parse(second.wire());
    assertEquals(2, m.getHeader().getID());
    for (var rec : m.getSection(Section.ANSWER)) {
      assertEquals(200, rec.getTTL());
    }
    assertEquals(1, zone.queries());
  }

  @Test
  void negativeAnswersAreCachedForTheSoaMinimum() throws Exception {
    EmbeddedZoneServer zone = zone();
    DefaultResolver r = resolver(ResolverConfig.builder().upstreams(List.of(zone.address())));
    Message first = askAndParse(r, query("nowhere.example.test.", Type.A, 1));
    assertEquals(Rcode.NXDOMAIN, first.getRcode());
    assertEquals(60, first.getSection(Section.AUTHORITY).get(0).getTTL()); // min(SOA TTL 3600, minimum 60)
    clock.advanceSeconds(50); // before the last tenth, where a hit would prefetch
    Message hit = askAndParse(r, query("nowhere.example.test.", Type.A, 2));
    assertEquals(Rcode.NXDOMAIN, hit.getRcode());
    assertEquals(10, hit.getSection(Section.AUTHORITY).get(0).getTTL());
    assertEquals(1, zone.queries());
    clock.advanceSeconds(11);
    askAndParse(r, query("nowhere.example.test.", Type.A, 3)); // expired: asked upstream again
    assertEquals(2, zone.queries());
  }

  @Test
  void servfailIsNotCached() throws Exception {
    TestUpstream upstream = closing(new TestUpstream(TestUpstream.Mode.SERVFAIL, null));
    DefaultResolver r = resolver(ResolverConfig.builder().upstreams(List.of(upstream.address())));
    assertEquals(Rcode.SERVFAIL, askAndParse(r, query("x.example.", Type.A, 1)).getRcode());
    assertEquals(Rcode.SERVFAIL, askAndParse(r, query("x.example.", Type.A, 2)).getRcode());
    assertEquals(2, upstream.queries());
  }

  @Test
  void concurrentMissesForOneKeyShareOneUpstreamQuery() throws Exception {
    EmbeddedZoneServer zone = zone();
    TestUpstream slow = closing(new TestUpstream(TestUpstream.Mode.FORWARD, zone.address()));
    slow.delayMillis(300);
    DefaultResolver r = resolver(ResolverConfig.builder().upstreams(List.of(slow.address())));
    List<CompletableFuture<ResolverSupport.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      answers.add(ResolverSupport.resolve(r, query(i % 2 == 0 ? "WWW.example.test." : "www.example.test.",
          Type.A, 100 + i)).toCompletableFuture());
    }
    for (int i = 0; i < 20; i++) {
      assertEquals(100 + i, parse(answers.get(i).get(5, TimeUnit.SECONDS).wire()).getHeader().getID());
    }
    assertEquals(1, slow.queries());
    assertEquals(1, zone.queries());
  }

  @Test
  void staleAnswerServedWhenTheUpstreamIsStopped() throws Exception {
    EmbeddedZoneServer zone = zone();
    DefaultResolver r = resolver(ResolverConfig.builder().upstreams(List.of(zone.address()))
        .upstreamTimeout(Duration.ofMillis(200)));
    askAndParse(r, query("short.example.test.", Type.A, 1)); // TTL 5
    zone.close();
    clock.advanceSeconds(60);
    ResolverSupport.Answer stale = ask(r, ednsQuery("short.example.test.", Type.A, 2, false, false));
    Message m = parse(stale.wire());
    assertEquals(Rcode.NOERROR, m.getRcode());
    assertEquals(30, m.getSection(Section.ANSWER).get(0).getTTL());
    assertEquals(30, stale.maxAgeSeconds());
    OPTRecord opt = m.getOPT();
    assertEquals(15, opt.getOptions().get(0).getCode()); // Extended DNS Error 3, Stale Answer
  }

  @Test
  void staleAnswerServedWhenTheUpstreamIsSlowerThanTheClientTimer() throws Exception {
    EmbeddedZoneServer zone = zone();
    TestUpstream upstream = closing(new TestUpstream(TestUpstream.Mode.FORWARD, zone.address()));
    DefaultResolver r = resolver(ResolverConfig.builder().upstreams(List.of(upstream.address()))
        .staleClientTimeout(Duration.ofMillis(100)).upstreamTimeout(Duration.ofSeconds(3)));
    askAndParse(r, query("short.example.test.", Type.A, 1));
    upstream.mode(TestUpstream.Mode.SILENT);
    clock.advanceSeconds(10);
    long start = System.nanoTime();
    Message m = askAndParse(r, query("short.example.test.", Type.A, 2));
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "waited for the upstream, not the client timer");
    assertEquals(30, m.getSection(Section.ANSWER).get(0).getTTL());
  }

  @Test
  void aHitInTheLastTenthOfTheTtlRefreshesOnceInTheBackground() throws Exception {
    EmbeddedZoneServer zone = zone();
    DefaultResolver r = resolver(ResolverConfig.builder().upstreams(List.of(zone.address())));
    askAndParse(r, query("short.example.test.", Type.A, 1)); // TTL 5
    clock.advanceSeconds(3);
    askAndParse(r, query("short.example.test.", Type.A, 2)); // 60% through: no prefetch
    assertEquals(1, zone.queries());
    clock.advanceSeconds(1.6); // 92% through
    Message hit = askAndParse(r, query("short.example.test.", Type.A, 3));
    assertEquals(1, hit.getSection(Section.ANSWER).get(0).getTTL());
    askAndParse(r, query("short.example.test.", Type.A, 4));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (zone.queries() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Thread.sleep(50);
    assertEquals(2, zone.queries());
    assertEquals(5, askAndParse(r, query("short.example.test.", Type.A, 5)).getSection(Section.ANSWER).get(0)
        .getTTL());
  }
}
