package dev.protodec.jmh;

import dev.protodec.dns.schema.DnsCorpus;
import dev.protodec.dns.schema.DnsMessageReader;
import dev.protodec.dns.schema.GeneratedDnsMessageReader;
import dev.protodec.dns.schema.ReflectiveDnsMessageReader;
import dev.protodec.jmh.dns.ProtobufJavaDnsMessageReader;
import dev.protodec.jmh.dns.ProtodecDnsReaders;
import dev.protodec.jmh.dns.QuickBuffersDnsMessageReader;
import dev.protodec.jmh.dns.WireDnsMessageReader;
import java.nio.ByteBuffer;

/**
 * The inputs and contenders both DNS decode questions share, as non-final fields (JMH sample 10: the
 * JIT must not treat them as constants). Filled by {@link #prepare()} in a subclass's trial set-up.
 */
abstract class DnsDecoding {
  /** Each operation reads the whole default corpus: ops/s are messages/s. */
  static final int MESSAGES = DnsCorpus.DEFAULT_SIZE;

  byte[][] messages;
  ByteBuffer[] directMessages;

  DnsMessageReader dynamicMessage;
  DnsMessageReader protobufJava;
  DnsMessageReader quickBuffers;
  DnsMessageReader wire;
  DnsMessageReader protodecFresh;
  DnsMessageReader protodecReused;
  BufferReader protodecDirectFresh;
  BufferReader protodecDirectReused;

  void prepare() {
    DnsCorpus corpus = DnsCorpus.generate();
    if (corpus.size() != MESSAGES) {
      throw new IllegalStateException("the default corpus has " + corpus.size() + " messages, but "
          + "@OperationsPerInvocation says " + MESSAGES);
    }
    messages = corpus.encoded();
    directMessages = BufferReader.direct(messages);
    dynamicMessage = new ReflectiveDnsMessageReader();
    protobufJava = new ProtobufJavaDnsMessageReader();
    quickBuffers = new QuickBuffersDnsMessageReader();
    wire = new WireDnsMessageReader();
    protodecFresh = ProtodecDnsReaders.fresh();
    protodecReused = new GeneratedDnsMessageReader();
    protodecDirectFresh = ProtodecDnsReaders.directFresh();
    protodecDirectReused = ProtodecDnsReaders.directReused();
  }
}
