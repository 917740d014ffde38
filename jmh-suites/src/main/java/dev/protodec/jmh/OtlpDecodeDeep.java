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
 * How many OTLP trace export batches per second does each library decode when every field is read and
 * every string becomes a {@link String} ({@code TracesDataReader#readDeep}), and how many bytes does each
 * allocate per batch?
 *
 * <p>Baseline: {@link #dynamicMessage}. Expected: DynamicMessage far behind; the others closer together
 * than in the light read, since every library now pays for the same strings; reused messages
 * (QuickBuffers, protodec) still allocate the least.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(OtlpDecoding.MESSAGES)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class OtlpDecodeDeep extends OtlpDecoding {

  /** Prepares the corpus and contenders, then refuses to run unless every contender reads what protobuf-java reads. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    prepare(Sequence.DEEP);
    crossCheck();
  }
}
