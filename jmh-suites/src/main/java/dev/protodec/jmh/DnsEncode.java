package dev.protodec.jmh;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.protodec.dns.corpus.DnsCorpus;
import dev.protodec.dns.corpus.ReflectiveDnsMessageReader;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.reflective.ReflectiveSchema;
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
 * How many DNS responses per second does each library encode from its own ready-built message objects
 * (built once from the corpus, outside timing), and how many bytes does each allocate per message?
 *
 * <p>Baseline: {@link #dynamicMessage}. Expected (REFERENCE.md, JDK 17): DynamicMessage about 580k
 * msgs/s, protobuf-java about 2× that, both about 570 B/msg (the output array and a little); Wire
 * slightly below DynamicMessage; QuickBuffers into a reused sink about 2.7× with nothing allocated.
 * protodec into a reused writer should allocate nothing and beat QuickBuffers, as it writes in one
 * pass where QuickBuffers computes the sizes first; its {@code toByteArray()} pays for a size pass and
 * the array, like protobuf-java.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DnsEncode {
  static final int MESSAGES = DnsCorpus.DEFAULT_SIZE;

  DynamicMessage[] dynamicMessages;
  DnsMessage[] protobufJavaMessages;
  dev.protodec.jmh.dns.wire.DnsMessage[] wireMessages;
  dev.protodec.jmh.dns.quickbuf.DnsMessage[] quickBuffersMessages;
  dev.protodec.dns.fast.DnsMessage[] protodecMessages;

  byte[] quickBuffersBuffer;
  ProtoSink quickBuffersSink;
  ProtoWriter protodecWriter;

  /** Builds each library's messages from the corpus, then refuses to run unless each encodes them right. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    DnsCorpus corpus = DnsCorpus.generate();
    if (corpus.size() != MESSAGES) {
      throw new IllegalStateException("the default corpus has " + corpus.size() + " messages, but "
          + "@OperationsPerInvocation says " + MESSAGES);
    }
    byte[][] encoded = corpus.encoded();
    Descriptor type = ReflectiveSchema.fromResource(ReflectiveDnsMessageReader.DESCRIPTOR_SET)
        .messageType("protodec.dns.v1.DnsMessage");
    int n = encoded.length;
    dynamicMessages = new DynamicMessage[n];
    protobufJavaMessages = corpus.messages().toArray(new DnsMessage[0]);
    wireMessages = new dev.protodec.jmh.dns.wire.DnsMessage[n];
    quickBuffersMessages = new dev.protodec.jmh.dns.quickbuf.DnsMessage[n];
    protodecMessages = new dev.protodec.dns.fast.DnsMessage[n];
    for (int i = 0; i < n; i++) {
      dynamicMessages[i] = DynamicMessage.parseFrom(type, encoded[i]);
      wireMessages[i] = dev.protodec.jmh.dns.wire.DnsMessage.ADAPTER.decode(encoded[i]);
      quickBuffersMessages[i] = dev.protodec.jmh.dns.quickbuf.DnsMessage.parseFrom(encoded[i]);
      protodecMessages[i] = dev.protodec.dns.fast.DnsMessage.parseFrom(encoded[i]);
    }
    quickBuffersBuffer = new byte[DnsCorpus.MAX_MESSAGE_BYTES];
    quickBuffersSink = ProtoSink.newArraySink().setOutput(quickBuffersBuffer);
    protodecWriter = ProtoWriter.newInstance(DnsCorpus.MAX_MESSAGE_BYTES);

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
    System.out.print(CrossCheck.encoders(getClass().getSimpleName(), encoded, contenders, DnsMessage::parseFrom));
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
    for (DnsMessage message : protobufJavaMessages) {
      bh.consume(message.toByteArray());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void wire(Blackhole bh) {
    for (dev.protodec.jmh.dns.wire.DnsMessage message : wireMessages) {
      bh.consume(message.encode());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void quickBuffers(Blackhole bh) throws IOException {
    for (dev.protodec.jmh.dns.quickbuf.DnsMessage message : quickBuffersMessages) {
      bh.consume(Encoders.quickBuffers(message, quickBuffersSink));
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecToByteArray(Blackhole bh) {
    for (dev.protodec.dns.fast.DnsMessage message : protodecMessages) {
      bh.consume(message.toByteArray());
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void protodecReusedWriter(Blackhole bh) {
    for (dev.protodec.dns.fast.DnsMessage message : protodecMessages) {
      bh.consume(Encoders.protodec(message, protodecWriter));
    }
  }
}
