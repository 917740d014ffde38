package dev.protodec.doh.shared;

import static dev.protodec.doh.shared.SharedCacheFixture.awaitUp;
import static dev.protodec.doh.shared.SharedCacheFixture.awaitWrites;
import static dev.protodec.doh.shared.SharedCacheFixture.counter;
import static dev.protodec.doh.testing.Queries.askAndParse;
import static dev.protodec.doh.testing.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.testing.RedisServer;
import dev.protodec.doh.testing.Resp;
import dev.protodec.doh.zone.EmbeddedZoneServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Values in Redis that do not decode are never served: the answer comes from upstream, right, and the
 * value is counted and deleted (then replaced by the upstream answer's own write).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusedValuesTest {
  private static final String KEY = "pd:1:1:1:-:{www.example.test.}";

  private final SharedCacheFixture f = new SharedCacheFixture();
  private RedisServer redis;
  private EmbeddedZoneServer zone;
  private byte[] valid;

  @BeforeEach
  void start() throws Exception {
    redis = f.closing(RedisServer.launch());
    zone = f.closing(EmbeddedZoneServer.bundled().start());
    DefaultResolver writer = instance(DecoderMode.GENERATED);
    askAndParse(writer, query("www.example.test.", Type.A, 1));
    awaitWrites(writer);
    try (Resp r = redis.client()) {
      valid = (byte[]) r.ok("GET", KEY);
    }
    assertNotNull(valid);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private DefaultResolver instance(DecoderMode mode) {
    DefaultResolver r = f.resolver(ResolverConfig.builder().decoder(mode).upstreams(List.of(zone.address())),
        "redis://127.0.0.1:" + redis.port(), Duration.ofSeconds(2));
    awaitUp(r);
    return r;
  }

  /** Puts {@code change(valid)} under the key, asks a new instance; the answer must be the zone's. */
  private void refused(UnaryOperator<byte[]> change, DecoderMode mode, String reason) throws Exception {
    byte[] bad = change.apply(valid.clone());
    try (Resp r = redis.client()) {
      r.ok("SET", KEY, bad);
    }
    long before = zone.udpQueries();
    DefaultResolver reader = instance(mode);
    Message m = askAndParse(reader, query("www.example.test.", Type.A, 2));
    assertEquals(2, m.getSection(Section.ANSWER).size());
    for (var rec : m.getSection(Section.ANSWER)) {
      assertEquals(300, rec.getTTL());
      String address = ((ARecord) rec).getAddress().getHostAddress();
      assertEquals(true, address.equals("192.0.2.10") || address.equals("192.0.2.11"), address);
    }
    assertEquals(before + 1, zone.udpQueries(), "answered from upstream");
    assertEquals(1, counter(reader, "doh_shared_cache_rejected_values", "reason", reason));
    awaitWrites(reader);
    try (Resp r = redis.client()) {
      byte[] now = (byte[]) r.ok("GET", KEY);
      assertFalse(Arrays.equals(bad, now), "the refused value is gone");
      assertNotNull(SharedValues.decode(KEY.getBytes(StandardCharsets.US_ASCII), now).entry(),
          "replaced by a valid one");
    }
  }

  @Test
  void aFlippedPayloadByteIsRefusedAsCorrupt() throws Exception {
    refused(v -> {
      v[v.length - 3] ^= 0x20;
      return v;
    }, DecoderMode.GENERATED, "corrupt");
  }

  @Test
  void garbageIsRefusedAsCorrupt() throws Exception {
    refused(v -> "not a cache entry at all".getBytes(StandardCharsets.US_ASCII), DecoderMode.REFLECTIVE, "corrupt");
  }

  @Test
  void aValueOfAnotherFormatVersionIsRefused() throws Exception {
    refused(v -> {
      v[2] = 9;
      return v;
    }, DecoderMode.WIRE, "version");
  }

  @Test
  void aValidValueCopiedUnderAnotherKeyIsRefused() throws Exception {
    DefaultResolver writer = instance(DecoderMode.GENERATED);
    askAndParse(writer, query("mail.example.test.", Type.A, 3));
    awaitWrites(writer);
    try (Resp r = redis.client()) {
      byte[] other = (byte[]) r.ok("GET", "pd:1:1:1:-:{mail.example.test.}");
      refused(v -> other, DecoderMode.GENERATED, "corrupt");
    }
  }

  @Test
  void aPayloadThatDoesNotDecodeBehindAValidHeaderIsRefused() throws Exception {
    byte[] key = KEY.getBytes(StandardCharsets.US_ASCII);
    SharedValues.Decoded good = SharedValues.decode(key, valid);
    byte[] junk = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
    byte[] undecodable = SharedValues.encode(key, junk, good.entry().expiresAtMillis(), good.entry().ttlSeconds(),
        good.entry().rcode());
    for (DecoderMode mode : DecoderMode.values()) {
      refused(v -> undecodable, mode, "undecodable");
    }
  }
}
