package dev.protodec.jmh.pipeline;

import dev.protodec.doh.resolver.DecoderMode;
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
 * How many cache hits per second does the resolver answer with each cache decoder, and how many bytes
 * does each allocate per request? A hit is the resolver's whole request path on the caller's thread: parse
 * the wire query, build the key, look it up, decode the cached entry, decay its TTLs, write the wire
 * answer ({@code DefaultResolver#resolve}); only the sockets are missing.
 *
 * <p>Each operation sends {@value PipelineBenchmark#REQUESTS} queries drawn from the corpus's distinct
 * questions with a Zipf skew ({@link PipelineWorkload}), all in the cache since the set-up, and consumes
 * every answer; it fails if any answer does not come back on the spot.
 *
 * <p>Baseline: {@link #reflectiveDynamicMessage} (protobuf-java's {@code DynamicMessage}); {@link #wire}
 * keeps DNS wire and only patches ID and TTLs, the ceiling no decoder can pass. Expected: the codec suite
 * decodes about 4× faster with protodec's generated classes than with DynamicMessage and allocates a
 * tenth or less (REFERENCE.md); in the resolver, where parsing the query, the lookup and writing the
 * answer cost the same for all, generated should still be at least 3× reflective, within 1.3× of wire's
 * time per request, and allocate next to nothing (the resolver's HitPathAllocationTest), against
 * DynamicMessage's several KB per request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PipelineBenchmark.REQUESTS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineCacheHit extends PipelineBenchmark {
  byte[][] queries;

  /** Cross-checks the three decoders, then keeps this method's resolver, warm for every query. */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException {
    setUp(decoderOf(params));
  }

  /** The set-up for {@code mode} (what the tests call). */
  public void setUp(DecoderMode mode) throws IOException {
    start(mode);
    Random random = new Random(PipelineWorkload.SEED);
    int[] drawn = workload.draw(REQUESTS, random);
    queries = new byte[REQUESTS][];
    for (int i = 0; i < REQUESTS; i++) {
      queries[i] = PipelineWorkload.query(workload.questions().get(drawn[i]), random.nextInt(1 << 16));
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

  /** One operation: every query, every answer consumed, none allowed to miss. */
  void resolveAll(Blackhole bh) {
    operations++;
    answers.begin(bh, 0);
    for (byte[] query : queries) {
      resolver.resolve(query, 0, query.length, answers);
    }
    answers.await(queries.length);
  }
}
