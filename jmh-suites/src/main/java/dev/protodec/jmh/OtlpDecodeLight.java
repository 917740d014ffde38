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
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class OtlpDecodeLight extends OtlpDecoding {

  /** Prepares the corpus and contenders, then refuses to run unless every contender reads what protobuf-java reads. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    prepare();
    Map<String, CorpusRead> contenders = new LinkedHashMap<>();
    contenders.put("dynamicMessage", (i, sink) -> dynamicMessage.readLight(messages[i], sink));
    contenders.put("wire", (i, sink) -> wire.readLight(messages[i], sink));
    contenders.put("quickBuffers", (i, sink) -> quickBuffers.readLight(messages[i], sink));
    contenders.put("protodecFresh", (i, sink) -> protodecFresh.readLight(messages[i], sink));
    contenders.put("protodecReused", (i, sink) -> protodecReused.readLight(messages[i], sink));
    contenders.put("protodecDirectFresh", (i, sink) -> protodecDirectFresh.readLight(directMessages[i], sink));
    contenders.put("protodecDirectReused", (i, sink) -> protodecDirectReused.readLight(directMessages[i], sink));
    CrossCheck.decoders(getClass().getSimpleName(), messages.length,
        (i, sink) -> protobufJava.readLight(messages[i], sink), contenders);
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void dynamicMessage(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      dynamicMessage.readLight(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protobufJava(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protobufJava.readLight(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void wire(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      wire.readLight(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void quickBuffers(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      quickBuffers.readLight(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecFresh(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protodecFresh.readLight(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecReused(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protodecReused.readLight(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecDirectFresh(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (ByteBuffer message : directMessages) {
      protodecDirectFresh.readLight(message, sink);
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecDirectReused(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (ByteBuffer message : directMessages) {
      protodecDirectReused.readLight(message, sink);
    }
  }
}
