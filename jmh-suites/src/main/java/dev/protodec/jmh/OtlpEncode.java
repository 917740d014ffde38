package dev.protodec.jmh;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.protodec.jmh.otlp.DynamicTracesReader;
import dev.protodec.jmh.otlp.OtlpCorpus;
import dev.protodec.reflective.ReflectiveSchema;
import io.opentelemetry.proto.trace.v1.TracesData;
import dev.protodec.runtime.ProtoWriter;
import java.io.IOException;
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
import us.hebi.quickbuf.ProtoSink;

/**
 * How many OTLP trace export batches per second does each library encode from its own ready-built
 * message objects (built once from the corpus, outside timing), and how many bytes does each allocate
 * per batch?
 *
 * <p>Baseline: {@link #dynamicMessage}. Expected: as for DNS: protobuf-java about twice DynamicMessage,
 * both allocating about the output size; Wire near DynamicMessage; QuickBuffers and protodec into a
 * reused sink allocating nothing. Wire writes fields in declaration order ({@code Span.flags}, number 16,
 * is declared after number 4) and QuickBuffers in its own order, so their bytes are compared by parsing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class OtlpEncode {
  static final int MESSAGES = OtlpCorpus.DEFAULT_SIZE;

  DynamicMessage[] dynamicMessages;
  TracesData[] protobufJavaMessages;
  dev.protodec.jmh.otlp.wire.trace.v1.TracesData[] wireMessages;
  dev.protodec.jmh.otlp.quickbuf.trace.v1.TracesData[] quickBuffersMessages;
  dev.protodec.jmh.otlp.fast.trace.v1.TracesData[] protodecMessages;

  byte[] quickBuffersBuffer;
  ProtoSink quickBuffersSink;
  ProtoWriter protodecWriter;

  /** Builds each library's messages from the corpus, then refuses to run unless each encodes them right. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    OtlpCorpus corpus = OtlpCorpus.generate();
    if (corpus.size() != MESSAGES) {
      throw new IllegalStateException("the default corpus has " + corpus.size() + " messages, but "
          + "@OperationsPerInvocation says " + MESSAGES);
    }
    byte[][] encoded = corpus.encoded();
    Descriptor type = DynamicTracesReader.tracesData(ReflectiveSchema.fromResource(DynamicTracesReader.DESCRIPTOR_SET));
    int n = encoded.length;
    dynamicMessages = new DynamicMessage[n];
    protobufJavaMessages = corpus.messages().toArray(new TracesData[0]);
    wireMessages = new dev.protodec.jmh.otlp.wire.trace.v1.TracesData[n];
    quickBuffersMessages = new dev.protodec.jmh.otlp.quickbuf.trace.v1.TracesData[n];
    protodecMessages = new dev.protodec.jmh.otlp.fast.trace.v1.TracesData[n];
    for (int i = 0; i < n; i++) {
      dynamicMessages[i] = DynamicMessage.parseFrom(type, encoded[i]);
      wireMessages[i] = dev.protodec.jmh.otlp.wire.trace.v1.TracesData.ADAPTER.decode(encoded[i]);
      quickBuffersMessages[i] = dev.protodec.jmh.otlp.quickbuf.trace.v1.TracesData.parseFrom(encoded[i]);
      protodecMessages[i] = dev.protodec.jmh.otlp.fast.trace.v1.TracesData.parseFrom(encoded[i]);
    }
    quickBuffersBuffer = new byte[corpus.maxMessageBytes()];
    quickBuffersSink = ProtoSink.newArraySink().setOutput(quickBuffersBuffer);
    protodecWriter = ProtoWriter.newInstance(corpus.maxMessageBytes());

    Map<String, CorpusWrite> contenders = new LinkedHashMap<>();
    contenders.put("dynamicMessage", i -> dynamicMessages[i].toByteArray());
    contenders.put("protobufJava", i -> protobufJavaMessages[i].toByteArray());
    contenders.put("wire", i -> wireMessages[i].encode());
    contenders.put("quickBuffers", i -> {
      Encoders.quickBuffers(quickBuffersMessages[i], quickBuffersSink);
      return Encoders.written(quickBuffersSink, quickBuffersBuffer);
    });
    contenders.put("protodecToByteArray", i -> protodecMessages[i].toByteArray());
    contenders.put("protodecReusedWriter", i -> {
      Encoders.protodec(protodecMessages[i], protodecWriter);
      return Encoders.written(protodecWriter);
    });
    System.out.print(CrossCheck.encoders(getClass().getSimpleName(), encoded, contenders, TracesData::parseFrom));
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void dynamicMessage(Blackhole bh) {
    for (DynamicMessage message : dynamicMessages) {
      bh.consume(message.toByteArray());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protobufJava(Blackhole bh) {
    for (TracesData message : protobufJavaMessages) {
      bh.consume(message.toByteArray());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void wire(Blackhole bh) {
    for (dev.protodec.jmh.otlp.wire.trace.v1.TracesData message : wireMessages) {
      bh.consume(message.encode());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void quickBuffers(Blackhole bh) throws IOException {
    for (dev.protodec.jmh.otlp.quickbuf.trace.v1.TracesData message : quickBuffersMessages) {
      bh.consume(Encoders.quickBuffers(message, quickBuffersSink));
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecToByteArray(Blackhole bh) {
    for (dev.protodec.jmh.otlp.fast.trace.v1.TracesData message : protodecMessages) {
      bh.consume(message.toByteArray());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecReusedWriter(Blackhole bh) {
    for (dev.protodec.jmh.otlp.fast.trace.v1.TracesData message : protodecMessages) {
      bh.consume(Encoders.protodec(message, protodecWriter));
    }
  }
}
