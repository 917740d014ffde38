package dev.protodec.jmh.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.AnswerCallback;
import dev.protodec.doh.resolver.DecoderMode;
import dev.protodec.doh.resolver.DefaultResolver;
import dev.protodec.doh.resolver.MalformedQueryException;
import dev.protodec.doh.resolver.Resolver;
import dev.protodec.jmh.pipeline.AnswerCrossCheck.AnswersDisagree;
import dev.protodec.jmh.pipeline.AnswerCrossCheck.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The pipeline cross-check itself: it must let ID and TTLs differ and catch any other difference. */
class AnswerCrossCheckTest {

  @Test
  void normalisingZeroesTheIdAndEveryTtlButKeepsTheOptRecordsFlags() throws Exception {
    byte[] a = answer(0x1234, 300, 1);
    byte[] b = answer(0x4321, 17, 1);
    assertArrayEquals(AnswerCrossCheck.normalise(a, a.length), AnswerCrossCheck.normalise(b, b.length));
    Message back = new Message(AnswerCrossCheck.normalise(a, a.length));
    assertTrue(back.getHeader().getID() == 0 && back.getSection(Section.ANSWER).get(0).getTTL() == 0);
    assertTrue((back.getOPT().getFlags() & ExtendedFlags.DO) != 0, "the OPT record's TTL field is not a TTL");
  }

  @Test
  void answersThatDifferOnlyInIdAndTtlsAgree() throws Exception {
    assertDoesNotThrow(() -> AnswerCrossCheck.compare(List.of("q"), "generated", List.of(normalised(answer(1, 300, 1))),
        Map.of("wire", List.of(normalised(answer(2, 299, 1))))));
  }

  @Test
  void anAnswerWithOtherRdataIsNamedWithTheContenderAndTheQuery() throws Exception {
    List<String> queries = List.of("first", "second");
    List<byte[]> reference = List.of(normalised(answer(1, 300, 1)), normalised(answer(1, 300, 1)));
    List<byte[]> other = new ArrayList<>(reference);
    other.set(1, normalised(answer(1, 300, 2))); // 192.0.2.2 instead of 192.0.2.1
    AnswersDisagree e = assertThrows(AnswersDisagree.class,
        () -> AnswerCrossCheck.compare(queries, "generated", reference, Map.of("reflectiveDynamicMessage", other)));
    assertTrue(e.getMessage().contains("reflectiveDynamicMessage disagrees with generated on second"), e.getMessage());
  }

  @Test
  void aMissingAnswerIsCaught() throws Exception {
    List<byte[]> reference = List.of(normalised(answer(1, 300, 1)));
    assertThrows(AnswersDisagree.class,
        () -> AnswerCrossCheck.compare(List.of("q"), "generated", reference, Map.of("wire", List.of())));
  }

  @Test
  void aServfailWhereTheCorpusHasAnAnswerIsCaught() throws Exception {
    Message m = Message.newQuery(Record.newRecord(Name.fromString("a.example."), Type.A, DClass.IN));
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setRcode(Rcode.SERVFAIL);
    List<Probe> probes = List.of(new Probe("a.example./A", new byte[0], Rcode.NOERROR, 1, 0));
    AnswersDisagree e = assertThrows(AnswersDisagree.class,
        () -> AnswerCrossCheck.matchesCorpus("generated", probes, List.of(normalised(m.toWire()))));
    assertTrue(e.getMessage().contains("did the upstream answer"), e.getMessage());
  }

  @Test
  void bytesThatAreNotAWholeMessageAreCaught() throws Exception {
    byte[] a = answer(1, 300, 1);
    assertThrows(AnswersDisagree.class, () -> AnswerCrossCheck.normalise(a, a.length - 3));
  }

  @Test
  void aResolverThatChangesOneHeaderBitFailsTheLiveCheck() throws Exception {
    PipelineWorkload workload = PipelineWorkload.fromCorpus();
    List<Probe> probes = PipelineBenchmark.probes(workload);
    try (CorpusUpstream upstream = new CorpusUpstream(workload);
        DefaultResolver generated = new DefaultResolver(PipelineBenchmark.config(DecoderMode.GENERATED,
            upstream.address()));
        DefaultResolver wire = new DefaultResolver(PipelineBenchmark.config(DecoderMode.WIRE, upstream.address()))) {
      Resolver adFlipped = new Resolver() {
        @Override
        public void resolve(byte[] query, int offset, int length, AnswerCallback callback) {
          wire.resolve(query, offset, length, new AnswerCallback() {
            @Override
            public void onAnswer(byte[] answer, int n, int maxAge) {
              byte[] changed = java.util.Arrays.copyOf(answer, n);
              changed[3] ^= 0x20; // the AD bit
              callback.onAnswer(changed, n, maxAge);
            }

            @Override
            public void onMalformed(MalformedQueryException error) {
              callback.onMalformed(error);
            }
          });
        }

        @Override
        public void close() {}
      };
      Map<String, Resolver> resolvers = new java.util.LinkedHashMap<>();
      resolvers.put("generated", generated);
      resolvers.put("adFlipped", adFlipped);
      AnswersDisagree e = assertThrows(AnswersDisagree.class, () -> AnswerCrossCheck.run(resolvers, probes));
      assertTrue(e.getMessage().startsWith("adFlipped disagrees with generated on " + probes.get(0).label()),
          e.getMessage());
    }
  }

  private static byte[] normalised(byte[] wire) {
    return AnswerCrossCheck.normalise(wire, wire.length);
  }

  /** An answer for a.example./A: one A record 192.0.2.{@code last}, OPT with DO. */
  private static byte[] answer(int id, long ttl, int last) throws Exception {
    Name name = Name.fromString("a.example.");
    Message m = Message.newQuery(Record.newRecord(name, Type.A, DClass.IN));
    m.getHeader().setID(id);
    m.getHeader().setFlag(Flags.QR);
    m.addRecord(new ARecord(name, DClass.IN, ttl, java.net.InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2,
        (byte) last})), Section.ANSWER);
    m.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
    return m.toWire();
  }
}
