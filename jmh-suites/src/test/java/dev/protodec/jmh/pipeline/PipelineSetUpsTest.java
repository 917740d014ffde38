package dev.protodec.jmh.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.jmh.pipeline.PipelineWorkload.CorpusQuestion;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/**
 * Runs the pipeline benchmarks' trial set-ups (the cross-check of the three decoders on every corpus
 * question) and a few operations of each, so {@code mvn verify} fails on decoders that disagree, on hits
 * that are not hits and on misses that are not misses, without timing anything.
 */
class PipelineSetUpsTest {
  private static final Blackhole BH = new Blackhole(
      "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

  @Test
  void cacheHitsAreHitsAndTheDecodersAgree() throws Exception {
    PipelineCacheHit hit = new PipelineCacheHit();
    hit.setUp(DecoderMode.REFLECTIVE);
    for (int i = 0; i < 3; i++) {
      hit.resolveAll(BH);
    }
    hit.tearDown(); // throws if the upstream saw any query
  }

  @Test
  void everyMixMissReachesTheUpstreamAndAnswersWithTheCorpusRcode() throws Exception {
    PipelineMix mix = new PipelineMix();
    mix.setUp(DecoderMode.GENERATED);
    long before = mix.upstream.wildcardAnswered();
    for (int i = 0; i < 3; i++) {
      mix.resolveAll(BH);
    }
    assertEquals(before + 3 * PipelineMix.MISSES, mix.upstream.wildcardAnswered());
    mix.tearDown(); // throws unless the upstream saw exactly those misses
  }

  @Test
  void bothGrpcClientsGetTheSameAnswersFromTheCache() throws Exception {
    PipelineGrpc grpc = new PipelineGrpc();
    grpc.setUp(); // cross-checks the two marshallers on every corpus question
    grpc.protodecMarshaller(BH);
    grpc.protobufJavaMarshaller(BH);
    grpc.closeGrpc();
    grpc.tearDown(); // throws if any call missed the cache
  }

  @Test
  void sharedHitsComeFromRedisAndTheDecodersAgree() throws Exception {
    boolean installed = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/redis-server"));
    if (!installed && System.getenv("CI") == null) {
      org.junit.jupiter.api.Assumptions.abort("redis-server is not installed");
    }
    PipelineSharedHit shared = new PipelineSharedHit();
    shared.setUp(DecoderMode.WIRE); // fills Redis, cross-checks the three shared-only resolvers
    for (int i = 0; i < 3; i++) {
      shared.resolveAll(BH);
    }
    shared.tearDown(); // throws if any answer came from upstream instead of Redis
    shared.stopRedis();
  }

  @Test
  void queriesAreSkewedLikeZipf() {
    PipelineWorkload workload = PipelineWorkload.fromCorpus();
    int[] counts = new int[workload.questions().size()];
    for (int q : workload.draw(100_000, new Random(1))) {
      counts[q]++;
    }
    java.util.Arrays.sort(counts);
    int top = counts[counts.length - 1];
    int tenth = counts[counts.length - 10];
    // rank 1 about 1/H(n) of all draws (n near 1,000: about 13%), rank 10 a tenth of rank 1
    assertTrue(top > 10_000 && top < 16_000, "rank 1 drawn " + top + " times");
    assertTrue(tenth > top / 14 && tenth < top / 7, "rank 10 drawn " + tenth + " times, rank 1 " + top);
  }

  @Test
  void theUpstreamAnswersAUniqueNameAsAWildcardWould() throws Exception {
    PipelineWorkload workload = PipelineWorkload.fromCorpus();
    CorpusQuestion base = null;
    for (CorpusQuestion q : workload.questions()) {
      if (q.answers() > 0 && q.canBeMissBase()) {
        base = q;
        break;
      }
    }
    byte[] query = PipelineWorkload.missTemplate(base, 77);
    PipelineWorkload.stamp(query, 0xabcdef1234L);
    Message asked = new Message(query);
    assertEquals(Name.concatenate(Name.fromString("xabcdef1234", null), base.name()), asked.getQuestion().getName());
    try (CorpusUpstream upstream = new CorpusUpstream(workload)) {
      Message reply = new Message(upstream.reply(asked));
      assertEquals(77, reply.getHeader().getID());
      assertEquals(asked.getQuestion().getName(), reply.getQuestion().getName());
      assertEquals(asked.getQuestion().getName(), reply.getSection(Section.ANSWER).get(0).getName());
      assertEquals(base.answers(), reply.getSection(Section.ANSWER).size());
      assertEquals(1, upstream.wildcardAnswered());
    }
  }
}
