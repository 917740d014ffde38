package dev.protodec.jmh;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
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

/**
 * How many OTLP trace export batches per second does each library decode for what a collector's router
 * touches (resource count, every span's trace id and name, span count; {@code
 * TracesDataReader#readLight}), and how many bytes does each allocate per batch?
 *
 * <p>Baseline: {@link #dynamicMessage}. Expected: the DNS ordering again, with wider gaps, since a batch
 * holds many more strings and nested messages: DynamicMessage far behind, protobuf-java and Wire
 * allocating every string and attribute, QuickBuffers and protodec with a reused message allocating
 * close to nothing (their names stay UTF-8).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(OtlpDecoding.MESSAGES)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class OtlpDecodeLight extends OtlpDecoding {

  /** Prepares the corpus and contenders, then refuses to run unless every contender reads what protobuf-java reads. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    prepare(Sequence.LIGHT);
    crossCheck();
  }
}
