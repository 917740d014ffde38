package dev.protodec.jmh;

import dev.protodec.jmh.otlp.DynamicTracesReader;
import dev.protodec.jmh.otlp.OtlpCorpus;
import dev.protodec.jmh.otlp.ProtobufJavaTracesReader;
import dev.protodec.jmh.otlp.ProtodecTracesReaders;
import dev.protodec.jmh.otlp.QuickBuffersTracesReader;
import dev.protodec.jmh.otlp.TracesDataReader;
import dev.protodec.jmh.otlp.WireTracesReader;
import java.nio.ByteBuffer;

/**
 * The inputs and contenders both OTLP decode questions share, as non-final fields. Filled by {@link
 * #prepare()} in a subclass's trial set-up.
 */
abstract class OtlpDecoding {
  /** Each operation reads the whole default corpus: ops/s are messages (export batches)/s. */
  static final int MESSAGES = OtlpCorpus.DEFAULT_SIZE;

  byte[][] messages;
  ByteBuffer[] directMessages;

  TracesDataReader dynamicMessage;
  TracesDataReader protobufJava;
  TracesDataReader quickBuffers;
  TracesDataReader wire;
  TracesDataReader protodecFresh;
  TracesDataReader protodecReused;
  BufferReader protodecDirectFresh;
  BufferReader protodecDirectReused;

  void prepare() {
    OtlpCorpus corpus = OtlpCorpus.generate();
    if (corpus.size() != MESSAGES) {
      throw new IllegalStateException("the default corpus has " + corpus.size() + " messages, but "
          + "@OperationsPerInvocation says " + MESSAGES);
    }
    messages = corpus.encoded();
    directMessages = BufferReader.direct(messages);
    dynamicMessage = new DynamicTracesReader();
    protobufJava = new ProtobufJavaTracesReader();
    quickBuffers = new QuickBuffersTracesReader();
    wire = new WireTracesReader();
    protodecFresh = ProtodecTracesReaders.fresh();
    protodecReused = ProtodecTracesReaders.reused();
    protodecDirectFresh = ProtodecTracesReaders.directFresh();
    protodecDirectReused = ProtodecTracesReaders.directReused();
  }
}
