package dev.protodec.jmh;

import dev.protodec.jmh.otlp.DynamicTracesReader;
import dev.protodec.jmh.otlp.OtlpCorpus;
import dev.protodec.jmh.otlp.ProtobufJavaTracesReader;
import dev.protodec.jmh.otlp.ProtodecTracesReaders;
import dev.protodec.jmh.otlp.QuickBuffersTracesReader;
import dev.protodec.jmh.otlp.TracesDataReader;
import dev.protodec.jmh.otlp.WireTracesReader;

/**
 * The inputs and contenders of both OTLP decode questions: the default corpus, each message also as a
 * direct buffer, and every library's reader. Filled by {@link #prepare} in a question's trial set-up.
 */
abstract class OtlpDecoding extends DecodeSuite {
  /** Each operation reads the whole default corpus: ops/s are messages (export batches)/s. */
  static final int MESSAGES = OtlpCorpus.DEFAULT_SIZE;

  void prepare(Sequence sequence) {
    OtlpCorpus corpus = OtlpCorpus.generate();
    if (corpus.size() != MESSAGES) {
      throw new IllegalStateException("the default corpus has " + corpus.size() + " messages, but "
          + "@OperationsPerInvocation says " + MESSAGES);
    }
    messages = corpus.encoded();
    directMessages = BufferReader.direct(messages);
    TracesDataReader dynamic = new DynamicTracesReader();
    TracesDataReader java = new ProtobufJavaTracesReader();
    TracesDataReader wireReader = new WireTracesReader();
    TracesDataReader quick = new QuickBuffersTracesReader();
    TracesDataReader fresh = ProtodecTracesReaders.fresh();
    TracesDataReader reused = ProtodecTracesReaders.reused();
    TracesDataReader zeroCopy = ProtodecTracesReaders.zeroCopy();
    BufferReader directFresh = ProtodecTracesReaders.directFresh();
    BufferReader directReused = ProtodecTracesReaders.directReused();
    dynamicMessage = sequence.pick(dynamic::readLight, dynamic::readDeep);
    protobufJava = sequence.pick(java::readLight, java::readDeep);
    wire = sequence.pick(wireReader::readLight, wireReader::readDeep);
    quickBuffers = sequence.pick(quick::readLight, quick::readDeep);
    protodecFresh = sequence.pick(fresh::readLight, fresh::readDeep);
    protodecReused = sequence.pick(reused::readLight, reused::readDeep);
    protodecZeroCopy = sequence.pick(zeroCopy::readLight, zeroCopy::readDeep);
    protodecDirectFresh = sequence.pick(directFresh::readLight, directFresh::readDeep);
    protodecDirectReused = sequence.pick(directReused::readLight, directReused::readDeep);
  }
}
