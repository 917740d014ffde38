package dev.protodec.jmh;

import dev.protodec.dns.corpus.DnsCorpus;
import dev.protodec.dns.corpus.DnsMessageReader;
import dev.protodec.dns.corpus.GeneratedDnsMessageReader;
import dev.protodec.dns.corpus.ReflectiveDnsMessageReader;
import dev.protodec.jmh.dns.ProtobufJavaDnsMessageReader;
import dev.protodec.jmh.dns.ProtodecDnsReaders;
import dev.protodec.jmh.dns.QuickBuffersDnsMessageReader;
import dev.protodec.jmh.dns.WireDnsMessageReader;

/**
 * The inputs and contenders of both DNS decode questions: the default corpus, each message also as a
 * direct buffer, and every library's reader. Filled by {@link #prepare} in a question's trial set-up.
 */
abstract class DnsDecoding extends DecodeSuite {
  /** Each operation reads the whole default corpus: ops/s are messages/s. */
  static final int MESSAGES = DnsCorpus.DEFAULT_SIZE;

  void prepare(Sequence sequence) {
    DnsCorpus corpus = DnsCorpus.generate();
    if (corpus.size() != MESSAGES) {
      throw new IllegalStateException("the default corpus has " + corpus.size() + " messages, but "
          + "@OperationsPerInvocation says " + MESSAGES);
    }
    messages = corpus.encoded();
    directMessages = BufferReader.direct(messages);
    DnsMessageReader dynamic = new ReflectiveDnsMessageReader();
    DnsMessageReader java = new ProtobufJavaDnsMessageReader();
    DnsMessageReader wireReader = new WireDnsMessageReader();
    DnsMessageReader quick = new QuickBuffersDnsMessageReader();
    DnsMessageReader fresh = ProtodecDnsReaders.fresh();
    DnsMessageReader reused = new GeneratedDnsMessageReader();
    DnsMessageReader zeroCopy = new GeneratedDnsMessageReader(true);
    BufferReader directFresh = ProtodecDnsReaders.directFresh();
    BufferReader directReused = ProtodecDnsReaders.directReused();
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
