package dev.protodec.jmh.pipeline;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.Resolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.doh.resolver.ResolverSupport;
import dev.protodec.doh.shared.SharedCacheConfig;
import dev.protodec.doh.shared.SharedCacheUri;
import dev.protodec.jmh.pipeline.AnswerCrossCheck.Probe;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many shared-cache hits per second does a resolver answer with each decoder, when every answer
 * comes from Redis (a {@code redis-server} of the benchmark's own on loopback) and none from its own
 * cache? This is what an instance of a fleet pays for what another instance fetched: a Redis GET, then
 * the decode of the protobuf entry, TTL decay and the answer written — so the decoder is on the hot path
 * of every request again (issue "Scale out").
 *
 * <p>Set-up: the corpus's questions (less its SERVFAIL answers, which are never shared) are resolved once
 * through a resolver that writes them to Redis; then each decoder's resolver, with its in-process cache
 * off ({@code cacheMaxBytes(0)}), answers every one from Redis, and the three are cross-checked (same
 * bytes, ID and TTLs aside; the corpus's rcodes and counts). Each operation sends {@value
 * PipelineBenchmark#REQUESTS} queries drawn with the corpus's Zipf skew and waits for every answer; the
 * upstream must see no query while timing (the tear-down fails otherwise).
 *
 * <p>Expected: far fewer requests per second than an in-process hit (a loopback round trip per request,
 * pipelined by Lettuce), with the decoders' difference in bytes per request as in {@link PipelineCacheHit}
 * and, in time, a smaller share of the whole.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PipelineBenchmark.REQUESTS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineSharedHit extends PipelineBenchmark {
  /** Generous: a read that misses this deadline goes upstream, which the tear-down reports. */
  private static final Duration READ_DEADLINE = Duration.ofSeconds(2);

  RedisProcess redis;
  byte[][] queries;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    setUp(decoderOf(params));
  }

  /** The set-up for {@code mode}: Redis filled, the three shared-only resolvers cross-checked. */
  public void setUp(DecoderMode mode) throws IOException {
    workload = PipelineWorkload.fromCorpus();
    upstream = new CorpusUpstream(workload);
    redis = RedisProcess.start();
    try {
      List<Probe> probes = sharedProbes();
      fill(probes);
      Map<String, DefaultResolver> resolvers = new LinkedHashMap<>();
      for (Map.Entry<String, DecoderMode> c : CONTENDERS.entrySet()) {
        DefaultResolver r = new DefaultResolver(sharedOnly(c.getValue()));
        resolvers.put(c.getKey(), r);
        awaitConnected(r);
      }
      try {
        System.out.println(crossCheck(resolvers, probes));
      } finally {
        resolvers.values().forEach(DefaultResolver::close);
      }
      resolver = new DefaultResolver(sharedOnly(mode));
      awaitConnected(resolver);
      answers = new Answers();
      upstreamAnsweredAtStart = upstream.answered();
      Random random = new Random(PipelineWorkload.SEED);
      queries = new byte[REQUESTS][];
      for (int i = 0; i < REQUESTS; ) {
        PipelineWorkload.CorpusQuestion q = workload.questions().get(workload.draw(1, random)[0]);
        if (shared(q)) {
          queries[i++] = PipelineWorkload.query(q, random.nextInt(1 << 16));
        }
      }
    } catch (IOException | RuntimeException e) {
      redis.close();
      upstream.close();
      throw e;
    }
  }

  /** The resolver under test: no in-process cache, every lookup from Redis. */
  private ResolverConfig sharedOnly(DecoderMode mode) throws IOException {
    return config(mode, upstream.address()).toBuilder()
        .cacheMaxBytes(0)
        .sharedCache(SharedCacheConfig.of(SharedCacheUri.parse(redis.uri())).withReadDeadline(READ_DEADLINE))
        .build();
  }

  private static boolean shared(PipelineWorkload.CorpusQuestion q) {
    return q.rcode() == 0 || q.rcode() == 3; // NOERROR and NXDOMAIN are shared, nothing else
  }

  private List<Probe> sharedProbes() {
    List<Probe> probes = new ArrayList<>();
    List<PipelineWorkload.CorpusQuestion> questions = workload.questions();
    for (int i = 0; i < questions.size(); i++) {
      PipelineWorkload.CorpusQuestion q = questions.get(i);
      if (shared(q)) {
        probes.add(new Probe(q.toString(), PipelineWorkload.query(q, i), q.rcode(), q.answers(), q.authorities()));
      }
    }
    return probes;
  }

  /** Resolves every probe once through a resolver that writes to Redis, and waits for the writes. */
  private void fill(List<Probe> probes) throws IOException {
    ResolverConfig writer = config(DecoderMode.GENERATED, upstream.address()).toBuilder()
        .sharedCache(SharedCacheConfig.of(SharedCacheUri.parse(redis.uri()))).build();
    try (DefaultResolver r = new DefaultResolver(writer)) {
      awaitConnected(r);
      answersOf(r, probes);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (redis.keys() < probes.size()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Redis holds " + redis.keys() + " keys after filling, expected "
              + probes.size());
        }
        sleep(20);
      }
    }
  }

  /** Writes made before the first connection fail at once (by design), so the fill waits for it. */
  private static void awaitConnected(DefaultResolver r) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!r.sharedCache().orElseThrow().status().up()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no connection to Redis: " + r.sharedCache().get().status());
      }
      sleep(10);
    }
  }

  private static String crossCheck(Map<String, DefaultResolver> resolvers, List<Probe> probes) {
    Map<String, List<byte[]>> answers = new LinkedHashMap<>();
    for (Map.Entry<String, DefaultResolver> r : resolvers.entrySet()) {
      answers.put(r.getKey(), answersOf(r.getValue(), probes));
    }
    List<String> labels = new ArrayList<>();
    probes.forEach(p -> labels.add(p.label()));
    Map.Entry<String, List<byte[]>> reference = answers.entrySet().iterator().next();
    AnswerCrossCheck.matchesCorpus(reference.getKey(), probes, reference.getValue());
    Map<String, List<byte[]>> contenders = new LinkedHashMap<>(answers);
    contenders.remove(reference.getKey());
    AnswerCrossCheck.compare(labels, reference.getKey(), reference.getValue(), contenders);
    return "shared-hit cross-check: " + String.join(", ", resolvers.keySet()) + " give the same answers from"
        + " Redis (ID and TTLs aside) for all " + probes.size() + " shared queries";
  }

  /** Every probe's answer, normalised, in waves of 64 in flight. */
  private static List<byte[]> answersOf(Resolver resolver, List<Probe> probes) {
    List<byte[]> out = new ArrayList<>();
    for (int from = 0; from < probes.size(); from += 64) {
      List<CompletableFuture<ResolverSupport.Answer>> wave = new ArrayList<>();
      for (int i = from; i < Math.min(probes.size(), from + 64); i++) {
        wave.add(ResolverSupport.resolve(resolver, probes.get(i).query()).toCompletableFuture());
      }
      for (int i = 0; i < wave.size(); i++) {
        try {
          byte[] wire = wave.get(i).get(10, TimeUnit.SECONDS).wire();
          out.add(AnswerCrossCheck.normalise(wire, wire.length));
        } catch (Exception e) {
          throw new AnswerCrossCheck.AnswersDisagree("no answer for " + probes.get(from + i).label() + ": " + e);
        }
      }
    }
    return out;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  long expectedUpstreamQueries() {
    return 0;
  }

  @Benchmark
  public void generated(Blackhole bh) {
    resolveAll(bh);
  }

  /** protodec's generated decoder with its reader in zero-copy mode ({@code --decoder generated-zero-copy}). */
  @Benchmark
  public void generatedZeroCopy(Blackhole bh) {
    resolveAll(bh);
  }

  @Benchmark
  public void reflectiveDynamicMessage(Blackhole bh) {
    resolveAll(bh);
  }

  @Benchmark
  public void wire(Blackhole bh) {
    resolveAll(bh);
  }

  /** One operation: every query sent, then the wait for every answer (all come from Redis). */
  void resolveAll(Blackhole bh) {
    operations++;
    answers.begin(bh, queries.length);
    for (byte[] query : queries) {
      resolver.resolve(query, 0, query.length, answers);
    }
    answers.await(0);
  }

  /** Stops Redis after the checks of {@link PipelineBenchmark#tearDown}. */
  @TearDown(Level.Trial)
  public void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }
}
