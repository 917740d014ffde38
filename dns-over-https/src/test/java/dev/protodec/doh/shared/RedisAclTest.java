package dev.protodec.doh.shared;

import static dev.protodec.doh.shared.SharedCacheFixture.awaitTrue;
import static dev.protodec.doh.shared.SharedCacheFixture.awaitUp;
import static dev.protodec.doh.shared.SharedCacheFixture.awaitWrites;
import static dev.protodec.doh.shared.SharedCacheFixture.counter;
import static dev.protodec.doh.shared.SharedCacheFixture.lookups;
import static dev.protodec.doh.shared.SharedCacheFixture.shared;
import static dev.protodec.doh.testing.Queries.askAndParse;
import static dev.protodec.doh.testing.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.testing.RedisServer;
import dev.protodec.doh.testing.Resp;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Redis ACLs: a user with a password shares; a wrong password is reported and the resolver still answers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisAclTest {
  private final SharedCacheFixture f = new SharedCacheFixture();
  private RedisServer redis;
  private EmbeddedZoneServer zone;

  @BeforeEach
  void start() throws Exception {
    redis = f.closing(RedisServer.launch("--requirepass", "admin-secret"));
    try (Resp admin = redis.client()) {
      admin.ok("AUTH", "admin-secret");
      admin.ok("ACL", "SETUSER", "doh", "on", ">p@ss:w0rd", "~pd:*", "+@all");
    }
    zone = f.closing(EmbeddedZoneServer.bundled().start());
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private DefaultResolver instance(String userInfo) {
    return f.resolver(ResolverConfig.builder().upstreams(List.of(zone.address())),
        "redis://" + userInfo + "@127.0.0.1:" + redis.port(), Duration.ofSeconds(2));
  }

  @Test
  void anAclUserWithItsPasswordShares() {
    DefaultResolver a = instance("doh:p%40ss%3Aw0rd"); // percent-encoded "p@ss:w0rd"
    DefaultResolver b = instance("doh:p%40ss%3Aw0rd");
    awaitUp(a);
    awaitUp(b);
    askAndParse(a, query("www.example.test.", Type.A, 1));
    awaitWrites(a);
    assertEquals(2, askAndParse(b, query("www.example.test.", Type.A, 2)).getSection(Section.ANSWER).size());
    assertEquals(1, lookups(b, "hit"));
  }

  @Test
  void aWrongPasswordIsReportedAndTheResolverStillAnswers() {
    DefaultResolver r = instance("doh:wrong");
    awaitTrue(() -> shared(r).status().lastError() != null, Duration.ofSeconds(10), "a connect failure");
    SharedCache.Status status = shared(r).status();
    assertFalse(status.up());
    assertTrue(status.lastError().contains("WRONGPASS"), status.lastError());
    assertFalse(status.lastError().contains("wrong"), "the password is not in the message: " + status.lastError());
    assertTrue(counter(r, "doh_shared_cache_connect_failures", null, null) >= 1);
    assertEquals(2, askAndParse(r, query("www.example.test.", Type.A, 1)).getSection(Section.ANSWER).size());
    assertEquals(1, lookups(r, "error"));
  }
}
