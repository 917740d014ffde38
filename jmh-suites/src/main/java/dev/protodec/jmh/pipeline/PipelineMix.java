package dev.protodec.jmh.pipeline;

import dev.protodec.doh.resolver.AnswerCallback;
import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.jmh.pipeline.PipelineWorkload.CorpusQuestion;
import java.io.IOException;
import java.util.Random;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many requests per second does the resolver answer with each cache decoder when one in ten is a
 * miss, and how many bytes does each allocate per request? A miss goes the whole way: upstream query
 * (dnsjava, UDP over loopback) to the in-process {@link CorpusUpstream}, the reply converted and stored as
 * a cache entry, then decoded and written like a hit, on the resolver's threads.
 *
 * <p>Each operation sends {@value PipelineBenchmark#REQUESTS} queries: nine in ten drawn as in {@link
 * PipelineCacheHit} (cached since the set-up), every tenth a name never asked before ({@code
 * x<counter>.<a corpus name>}, stamped per operation), so misses are real misses every time; it waits
 * until the misses have answered and fails if any answer has another rcode than the corpus response or
 * if the upstream saw other queries than these misses. The misses run on the resolver's threads while
 * the benchmark thread answers the hits, all on the machine's cores, and the upstream's own work (and
 * allocation: {@code -prof gc} counts every thread) is in the figures, the same for every decoder.
 *
 * <p>Baseline: {@link #reflectiveDynamicMessage}. Expected: the miss path (dnsjava on both sides of the
 * upstream exchange, the store's conversion) costs the same for every decoder and tens of microseconds
 * per miss, so the decoders' gap narrows against {@link PipelineCacheHit}; generated should still lead
 * reflective clearly and stay close to wire.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PipelineBenchmark.REQUESTS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineMix extends PipelineBenchmark {
  /** One request in this many is a miss. */
  static final int MISS_EVERY = 10;
  static final int MISSES = REQUESTS / MISS_EVERY;
  static final int HITS = REQUESTS - MISSES;
  /** The first miss label's counter: above what the cross-check's probes used. */
  static final long FIRST_MISS = 1L << 36;

  byte[][] requests;
  AnswerCallback[] callbacks;
  byte[][] missTemplates;
  long nextMiss;

  /** Cross-checks the three decoders, then keeps this method's resolver, warm for every hit query. */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    setUp(decoderOf(params));
  }

  /** The set-up for {@code mode} (what the tests call). */
  public void setUp(DecoderMode mode) throws IOException {
    start(mode);
    Random random = new Random(PipelineWorkload.SEED);
    int[] hits = workload.draw(REQUESTS, random);
    int[] missBases = workload.drawMissBases(MISSES, random);
    requests = new byte[REQUESTS][];
    callbacks = new AnswerCallback[REQUESTS];
    missTemplates = new byte[MISSES][];
    for (int i = 0; i < REQUESTS; i++) {
      int id = random.nextInt(1 << 16);
      if (i % MISS_EVERY == MISS_EVERY - 1) {
        CorpusQuestion base = workload.questions().get(missBases[i / MISS_EVERY]);
        missTemplates[i / MISS_EVERY] = PipelineWorkload.missTemplate(base, id);
        requests[i] = missTemplates[i / MISS_EVERY];
        callbacks[i] = answers.expectingRcode(base.rcode());
      } else {
        requests[i] = PipelineWorkload.query(workload.questions().get(hits[i]), id);
        callbacks[i] = answers;
      }
    }
    nextMiss = FIRST_MISS;
  }

  @Override
  long expectedUpstreamQueries() {
    return operations * MISSES;
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

  /** One operation: new names for the misses, every query, then the wait for the misses' answers. */
  void resolveAll(Blackhole bh) {
    operations++;
    for (byte[] template : missTemplates) {
      PipelineWorkload.stamp(template, nextMiss++);
    }
    answers.begin(bh, MISSES);
    for (int i = 0; i < requests.length; i++) {
      resolver.resolve(requests[i], 0, requests[i].length, callbacks[i]);
    }
    answers.await(HITS);
  }
}
