package dev.protodec.doh.shared;

import static dev.protodec.doh.shared.SharedCacheFixture.awaitUp;
import static dev.protodec.doh.shared.SharedCacheFixture.awaitWrites;
import static dev.protodec.doh.shared.SharedCacheFixture.lookups;
import static dev.protodec.doh.testing.Queries.ask;
import static dev.protodec.doh.testing.Queries.askAndParse;
import static dev.protodec.doh.testing.Queries.ednsQuery;
import static dev.protodec.doh.testing.Queries.parse;
import static dev.protodec.doh.testing.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.resolver.ResolverSupport;
import dev.protodec.doh.testing.RedisServer;
import dev.protodec.doh.testing.Resp;
import dev.protodec.doh.testing.TestUpstream;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Two (or three) resolver instances on one redis-server: what one fetched, the others answer from Redis. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedCacheSharingTest {
  /** Generous: these tests count hits, not time, and a cold first GET on a busy two-core machine is slow. */
  private static final Duration DEADLINE = Duration.ofSeconds(2);

  private final SharedCacheFixture f = new SharedCacheFixture();
  private RedisServer redis;
  private EmbeddedZoneServer zone;

  @BeforeEach
  void start() throws Exception {
    redis = f.closing(RedisServer.launch());
    zone = f.closing(EmbeddedZoneServer.bundled().start());
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private DefaultResolver instance(DecoderMode mode) {
    DefaultResolver r = f.resolver(ResolverConfig.builder().decoder(mode).upstreams(List.of(zone.address())),
        "redis://127.0.0.1:" + redis.port(), DEADLINE);
    awaitUp(r);
    return r;
  }

  @Test
  void aMissOnOneInstanceIsASharedHitOnTheOthersWithDecayedTtls() {
    DefaultResolver a = instance(DecoderMode.GENERATED);
    DefaultResolver wire = instance(DecoderMode.WIRE);
    DefaultResolver reflective = instance(DecoderMode.REFLECTIVE);
    ResolverSupport.Answer first = ask(a, query("www.example.test.", Type.A, 1));
    assertEquals(300, first.maxAgeSeconds());
    awaitWrites(a);
    f.clock.advanceSeconds(100.5);
    for (DefaultResolver other : List.of(wire, reflective)) {
      ResolverSupport.Answer shared = ask(other, query("www.example.test.", Type.A, 2));
      Message m = parse(shared.wire());
      assertEquals(2, m.getHeader().getID());
      assertEquals(200, shared.maxAgeSeconds());
      assertEquals(2, m.getSection(Section.ANSWER).size());
      for (Record rec : m.getSection(Section.ANSWER)) {
        assertEquals(200, rec.getTTL(), other.config().decoder() + ": " + rec);
      }
      assertEquals(1, lookups(other, "hit"));
    }
    assertEquals(1, zone.udpQueries(), "only the first instance asked upstream");
    f.clock.advanceSeconds(50);
    Message again = askAndParse(wire, query("www.example.test.", Type.A, 3));
    assertEquals(150, again.getSection(Section.ANSWER).get(0).getTTL());
    assertEquals(1, lookups(wire, "hit"), "the second hit was in process: no second GET");
  }

  @Test
  void keysCarryVersionTypeClassFlagsAndTheLowerCasedNameAsHashTag() throws Exception {
    DefaultResolver a = instance(DecoderMode.GENERATED);
    ask(a, query("WWW.Example.TEST.", Type.A, 1));
    ask(a, ednsQuery("www.example.test.", Type.AAAA, 2, true, false));
    ask(a, query("nowhere.example.test.", Type.A, 3));
    awaitWrites(a);
    TreeSet<String> keys = new TreeSet<>();
    try (Resp r = redis.client()) {
      for (Object k : (List<?>) r.ok("KEYS", "*")) {
        keys.add(new String((byte[]) k, StandardCharsets.US_ASCII));
      }
      assertTrue(((Long) r.ok("PTTL", "pd:1:1:1:-:{www.example.test.}")) > 300_000L,
          "the expiry includes the serve-stale window");
    }
    assertEquals(new TreeSet<>(List.of("pd:1:1:1:-:{www.example.test.}", "pd:1:28:1:d:{www.example.test.}",
        "pd:1:1:1:-:{nowhere.example.test.}")), keys);
    DefaultResolver b = instance(DecoderMode.GENERATED);
    assertEquals(Rcode.NXDOMAIN, askAndParse(b, query("nowhere.example.test.", Type.A, 4)).getRcode());
    ask(b, query("www.example.test.", Type.AAAA, 5)); // no DO bit: another key
    assertEquals(1, lookups(b, "hit"));
    assertEquals(1, lookups(b, "miss"));
  }

  @Test
  void servfailIsNeverShared() throws Exception {
    TestUpstream failing = f.closing(new TestUpstream(TestUpstream.Mode.SERVFAIL, null));
    DefaultResolver a = f.resolver(ResolverConfig.builder().upstreams(List.of(failing.address())).servfailTtl(30)
        .upstreamAttempts(1), "redis://127.0.0.1:" + redis.port(), DEADLINE);
    awaitUp(a);
    assertEquals(Rcode.SERVFAIL, askAndParse(a, query("www.example.test.", Type.A, 1)).getRcode());
    awaitWrites(a);
    try (Resp r = redis.client()) {
      assertEquals(0L, r.ok("DBSIZE"));
    }
  }

  @Test
  void withTheInProcessCacheOffEveryHitComesFromRedis() {
    DefaultResolver a = instance(DecoderMode.GENERATED);
    ask(a, query("www.example.test.", Type.A, 1));
    awaitWrites(a);
    DefaultResolver b = f.resolver(ResolverConfig.builder().cacheMaxBytes(0).upstreams(List.of(zone.address())),
        "redis://127.0.0.1:" + redis.port(), DEADLINE);
    awaitUp(b);
    for (int i = 0; i < 5; i++) {
      assertEquals(2, askAndParse(b, query("www.example.test.", Type.A, 10 + i)).getSection(Section.ANSWER).size());
    }
    assertEquals(5, lookups(b, "hit"));
    assertEquals(1, zone.udpQueries());
  }
}
