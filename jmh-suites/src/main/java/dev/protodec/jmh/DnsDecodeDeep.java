package dev.protodec.jmh;

import dev.protodec.dns.schema.FieldSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many DNS responses per second does each library decode when every field is read and every
 * string becomes a {@link String} ({@code DnsMessageReader#readDeep}), and how many bytes does each
 * allocate per message?
 *
 * <p>Baseline: {@link #dynamicMessage}. Expected (REFERENCE.md, JDK 17): DynamicMessage about 130k
 * msgs/s and 4.8 KB/msg; protobuf-java and Wire about 4× that with about 2 KB/msg; QuickBuffers about
 * 9× with about 120 B/msg. protodec with a reused message should allocate close to nothing and at least
 * match QuickBuffers; a fresh message per call pays for its objects; a direct buffer adds one copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DnsDecodeDeep extends DnsDecoding {

  /** Prepares the corpus and contenders, then refuses to run unless every contender reads what protobuf-java reads. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    prepare();
    Map<String, CorpusRead> contenders = new LinkedHashMap<>();
    contenders.put("dynamicMessage", (i, sink) -> dynamicMessage.readDeep(messages[i], sink));
    contenders.put("wire", (i, sink) -> wire.readDeep(messages[i], sink));
    contenders.put("quickBuffers", (i, sink) -> quickBuffers.readDeep(messages[i], sink));
    contenders.put("protodecFresh", (i, sink) -> protodecFresh.readDeep(messages[i], sink));
    contenders.put("protodecReused", (i, sink) -> protodecReused.readDeep(messages[i], sink));
    contenders.put("protodecDirectFresh", (i, sink) -> protodecDirectFresh.readDeep(directMessages[i], sink));
    contenders.put("protodecDirectReused", (i, sink) -> protodecDirectReused.readDeep(directMessages[i], sink));
    CrossCheck.decoders(getClass().getSimpleName(), messages.length,
        (i, sink) -> protobufJava.readDeep(messages[i], sink), contenders);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void dynamicMessage(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      dynamicMessage.readDeep(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protobufJava(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protobufJava.readDeep(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void wire(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      wire.readDeep(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void quickBuffers(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      quickBuffers.readDeep(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecFresh(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protodecFresh.readDeep(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecReused(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protodecReused.readDeep(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecDirectFresh(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (ByteBuffer message : directMessages) {
      protodecDirectFresh.readDeep(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecDirectReused(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (ByteBuffer message : directMessages) {
      protodecDirectReused.readDeep(message, sink);
    }
  }
}
