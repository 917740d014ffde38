package dev.protodec.jmh;

import dev.protodec.dns.corpus.FieldSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The nine decode contenders, one benchmark method each, shared by the four decode questions (DNS and
 * OTLP, light and deep). A question's class fills the corpus and one {@link Read} per contender in its
 * trial set-up ({@link DnsDecoding}, {@link OtlpDecoding}), calls {@link #crossCheck()}, and states its
 * corpus size with a class-level {@code @OperationsPerInvocation}, which JMH applies to these inherited
 * methods. The fields are not final (JMH sample 10: the JIT must not treat them as constants).
 */
abstract class DecodeSuite {
  /** One contender's read of one whole message, pushing its light or deep sequence into the sink. */
  @FunctionalInterface
  interface Read<M> {
    void read(M message, FieldSink sink) throws IOException;
  }

  /** Which sequence a question's readers push. */
  enum Sequence {
    LIGHT,
    DEEP;

    <M> Read<M> pick(Read<M> light, Read<M> deep) {
      return this == LIGHT ? light : deep;
    }
  }

  byte[][] messages;
  ByteBuffer[] directMessages;

  Read<byte[]> dynamicMessage;
  Read<byte[]> protobufJava;
  Read<byte[]> wire;
  Read<byte[]> quickBuffers;
  Read<byte[]> protodecFresh;
  Read<byte[]> protodecReused;
  /** A reused message through a reader in zero-copy mode (strings and bytes refer to the input). */
  Read<byte[]> protodecZeroCopy;
  Read<ByteBuffer> protodecDirectFresh;
  Read<ByteBuffer> protodecDirectReused;

  /**
   * Refuses to run unless every contender reads, message by message, what protobuf-java reads; the
   * reads checked are the ones the benchmark methods time.
   */
  final void crossCheck() throws IOException {
    Map<String, CorpusRead> contenders = new LinkedHashMap<>();
    contenders.put("dynamicMessage", (i, sink) -> dynamicMessage.read(messages[i], sink));
    contenders.put("wire", (i, sink) -> wire.read(messages[i], sink));
    contenders.put("quickBuffers", (i, sink) -> quickBuffers.read(messages[i], sink));
    contenders.put("protodecFresh", (i, sink) -> protodecFresh.read(messages[i], sink));
    contenders.put("protodecReused", (i, sink) -> protodecReused.read(messages[i], sink));
    contenders.put("protodecZeroCopy", (i, sink) -> protodecZeroCopy.read(messages[i], sink));
    contenders.put("protodecDirectFresh", (i, sink) -> protodecDirectFresh.read(directMessages[i], sink));
    contenders.put("protodecDirectReused", (i, sink) -> protodecDirectReused.read(directMessages[i], sink));
    CrossCheck.decoders(getClass().getSimpleName(), messages.length,
        (i, sink) -> protobufJava.read(messages[i], sink), contenders);
  }

  // Each method has its own loop, so that each read call site sees one contender only.

  @Benchmark
  public void dynamicMessage(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      dynamicMessage.read(message, sink);
    }
  }

  @Benchmark
  public void protobufJava(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protobufJava.read(message, sink);
    }
  }

  @Benchmark
  public void wire(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      wire.read(message, sink);
    }
  }

  @Benchmark
  public void quickBuffers(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      quickBuffers.read(message, sink);
    }
  }

  @Benchmark
  public void protodecFresh(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protodecFresh.read(message, sink);
    }
  }

  @Benchmark
  public void protodecReused(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protodecReused.read(message, sink);
    }
  }

  /** Zero-copy mode: the like-for-like comparison with QuickBuffers, which does not check UTF-8 either. */
  @Benchmark
  public void protodecZeroCopy(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (byte[] message : messages) {
      protodecZeroCopy.read(message, sink);
    }
  }

  @Benchmark
  public void protodecDirectFresh(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (ByteBuffer message : directMessages) {
      protodecDirectFresh.read(message, sink);
    }
  }

  @Benchmark
  public void protodecDirectReused(Blackhole bh) throws IOException {
    FieldSink sink = new BlackholeSink(bh);
    for (ByteBuffer message : directMessages) {
      protodecDirectReused.read(message, sink);
    }
  }
}
