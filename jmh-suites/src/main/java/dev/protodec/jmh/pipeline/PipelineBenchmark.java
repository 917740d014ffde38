package dev.protodec.jmh.pipeline;

import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.ResolverConfig;
import dev.protodec.jmh.pipeline.AnswerCrossCheck.Probe;
import dev.protodec.jmh.pipeline.PipelineWorkload.CorpusQuestion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the pipeline questions share: the workload, the in-process upstream, and the resolver under test,
 * built for the decoder its benchmark method names ({@link #CONTENDERS}) after all the decoders have
 * been cross-checked on every corpus question ({@link AnswerCrossCheck}). Each fork runs one method, so
 * the resolver's decoder call site sees one decoder only. The fields are not final (JMH sample 10).
 */
abstract class PipelineBenchmark {
  /** Requests per benchmark operation: ops/s are requests/s, {@code gc.alloc.rate.norm} bytes per request. */
  static final int REQUESTS = 1_000;
  /** Unique-name queries the cross-check sends through each resolver, beside every corpus question. */
  static final int PROBE_MISSES = 32;

  /** Benchmark method → the decoder it times; the first is the cross-check's reference. */
  static final Map<String, DecoderMode> CONTENDERS = new LinkedHashMap<>();

  static {
    CONTENDERS.put("generated", DecoderMode.GENERATED);
    CONTENDERS.put("generatedZeroCopy", DecoderMode.GENERATED_ZERO_COPY);
    CONTENDERS.put("reflectiveDynamicMessage", DecoderMode.REFLECTIVE);
    CONTENDERS.put("wire", DecoderMode.WIRE);
  }

  PipelineWorkload workload;
  CorpusUpstream upstream;
  DefaultResolver resolver;
  Answers answers;
  long upstreamAnsweredAtStart;
  long operations;

  /** The decoder of the benchmark method JMH is about to run. */
  static DecoderMode decoderOf(BenchmarkParams params) {
    String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    DecoderMode mode = CONTENDERS.get(method);
    if (mode == null) {
      throw new IllegalStateException("no decoder for benchmark method " + method + "; known: " + CONTENDERS.keySet());
    }
    return mode;
  }

  /**
   * The resolver's configuration for the benchmarks. TTLs are clamped to at least an hour (so no entry
   * expires during a fork and a hit stays a hit, while the system clock still decays TTLs), SERVFAIL
   * answers are cached for the five minutes RFC 2308 allows (the corpus's 3% SERVFAILs are then hits as
   * well), no prefetch and no health probes (no upstream traffic the benchmark did not ask for), and
   * 256 MiB of cache, which the mix's unique names take hours to fill.
   */
  static ResolverConfig config(DecoderMode mode, InetSocketAddress upstream) {
    return ResolverConfig.builder()
        .decoder(mode)
        .upstreams(List.of(upstream))
        .minTtl(3_600)
        .servfailTtl(300)
        .prefetchPercent(0)
        .healthProbeInterval(Duration.ZERO)
        .cacheMaxBytes(256L << 20)
        .build();
  }

  /**
   * Starts the upstream and one resolver per decoder, cross-checks them on every corpus question and on
   * {@value #PROBE_MISSES} unique names (which leaves every cache warm), keeps {@code timed}'s resolver
   * and closes the others.
   *
   * @throws AnswerCrossCheck.AnswersDisagree if any check fails
   */
  final void start(DecoderMode timed) throws IOException {
    workload = PipelineWorkload.fromCorpus();
    upstream = new CorpusUpstream(workload);
    Map<String, DefaultResolver> resolvers = new LinkedHashMap<>();
    Map<DecoderMode, DefaultResolver> byMode = new EnumMap<>(DecoderMode.class);
    try {
      for (Map.Entry<String, DecoderMode> c : CONTENDERS.entrySet()) {
        DefaultResolver r = new DefaultResolver(config(c.getValue(), upstream.address()));
        resolvers.put(c.getKey(), r);
        byMode.put(c.getValue(), r);
      }
      System.out.println(AnswerCrossCheck.run(resolvers, probes(workload)));
    } catch (RuntimeException e) {
      resolvers.values().forEach(DefaultResolver::close);
      upstream.close();
      throw e;
    }
    resolver = byMode.remove(timed);
    byMode.values().forEach(DefaultResolver::close);
    answers = new Answers();
    upstreamAnsweredAtStart = upstream.answered();
  }

  /** Every distinct corpus question, and {@value #PROBE_MISSES} unique names below popular ones. */
  static List<Probe> probes(PipelineWorkload workload) {
    List<Probe> probes = new ArrayList<>();
    List<CorpusQuestion> questions = workload.questions();
    for (int i = 0; i < questions.size(); i++) {
      CorpusQuestion q = questions.get(i);
      probes.add(new Probe(q.toString(), PipelineWorkload.query(q, i), q.rcode(), q.answers(), q.authorities()));
    }
    int[] bases = workload.drawMissBases(PROBE_MISSES, new java.util.Random(PipelineWorkload.SEED + 1));
    for (int i = 0; i < bases.length; i++) {
      CorpusQuestion base = questions.get(bases[i]);
      byte[] query = PipelineWorkload.missTemplate(base, i);
      PipelineWorkload.stamp(query, i);
      probes.add(new Probe("a unique name below " + base, query, base.rcode(), base.answers(), base.authorities()));
    }
    return probes;
  }

  /** How many upstream queries the benchmark operations should have caused so far. */
  abstract long expectedUpstreamQueries();

  /** Closes the resolver and the upstream, after checking the upstream saw exactly the misses asked for. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      long asked = upstream.answered() - upstreamAnsweredAtStart;
      if (asked != expectedUpstreamQueries()) {
        throw new IllegalStateException(getClass().getSimpleName() + ": the upstream answered " + asked
            + " queries during the benchmark, expected " + expectedUpstreamQueries() + " (" + operations
            + " operations): hits and misses were not what they claim");
      }
    } finally {
      resolver.close();
      upstream.close();
    }
  }
}
