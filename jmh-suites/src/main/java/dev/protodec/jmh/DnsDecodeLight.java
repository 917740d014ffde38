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
 * How many DNS responses per second does each library decode for what a cache or forwarder touches
 * (header id and rcode, section sizes, first question and answer name, every TTL; {@code
 * DnsMessageReader#readLight}), and how many bytes does each allocate per message?
 *
 * <p>Baseline: {@link #dynamicMessage}. Expected (REFERENCE.md, JDK 17): DynamicMessage about 130k
 * msgs/s and 4.8 KB/msg; protobuf-java and Wire about 4× that with about 2 KB/msg; QuickBuffers about
 * 9× with about 120 B/msg. protodec with a reused message should allocate close to nothing and at least
 * match QuickBuffers; a fresh message per call pays for its objects; a direct buffer adds one copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(DnsDecoding.MESSAGES)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DnsDecodeLight extends DnsDecoding {

  /** Prepares the corpus and contenders, then refuses to run unless every contender reads what protobuf-java reads. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    prepare(Sequence.LIGHT);
    crossCheck();
  }
}
