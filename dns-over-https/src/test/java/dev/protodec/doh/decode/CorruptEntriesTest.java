package dev.protodec.doh.decode;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.ResourceRecord;
import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.doh.query.QueryParser;
import dev.protodec.doh.testing.Queries;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Entries that decode as protobuf but are no answer DNS can carry (a fuzzer found the first: an AAAA
 * record with 5 bytes became wire no client could parse): both protobuf decoders refuse them with
 * {@link CorruptEntryException} (the generated one in both modes), which the resolver answers with SERVFAIL.
 */
class CorruptEntriesTest {
  private static final CachedAnswerDecoder[] DECODERS = {
    new GeneratedAnswerDecoder(false), new GeneratedAnswerDecoder(true), new ReflectiveAnswerDecoder()};

  private static ParsedQuery query() throws Exception {
    byte[] wire = Queries.query("www.example.test.", 1, 7);
    ParsedQuery q = new ParsedQuery();
    new QueryParser().parse(wire, 0, wire.length, q);
    return q;
  }

  private static void refused(String why, Consumer<ResourceRecord> record) throws Exception {
    DnsMessage m = DnsMessage.newInstance();
    m.mutableHeader().setFlags(0x8180);
    ResourceRecord r = m.addAnswers().setName("www.example.test.").setType(1).setRclass(1).setTtl(60);
    record.accept(r);
    byte[] entry = m.toByteArray();
    for (CachedAnswerDecoder decoder : DECODERS) {
      CorruptEntryException e = assertThrows(CorruptEntryException.class,
          () -> decoder.write(entry, query(), 1232, 0, 0, new AnswerWriter()), why + " (" + decoder.name() + ")");
      assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    }
  }

  @Test
  void rdataThatDoesNotFitItsTypeIsRefused() throws Exception {
    refused("AAAA of 5 bytes", r -> r.setType(28).setAaaa(new byte[5]));
    refused("an A record with a name as RDATA", r -> r.setType(1).setCname("x.example."));
    refused("a TXT record with an address", r -> r.setType(16).setA(1));
    refused("an MX record with raw bytes", r -> r.setType(15).setRaw(new byte[3]));
    refused("an A record without RDATA", r -> r.setType(1));
    refused("an OPT record among the records", r -> r.setType(41).setRaw(new byte[0]));
  }

  @Test
  void namesAndStringsDnsCannotCarryAreRefused() throws Exception {
    String label64 = "a".repeat(64);
    refused("a label of 64 bytes", r -> r.setName(label64 + ".example."));
    refused("an empty label", r -> r.setName("www..example."));
    refused("a name of 300 bytes", r -> r.setName(("abcdefghi.").repeat(30)));
    refused("a CNAME target with a 64-byte label", r -> r.setType(5).setCname(label64 + "."));
    refused("a TXT string of 256 bytes", r -> r.setType(16).mutableTxt().addStrings(new byte[256]));
  }

  @Test
  void theLongestLegalNamesAndStringsAreWritten() throws Exception {
    DnsMessage m = DnsMessage.newInstance();
    m.mutableHeader().setFlags(0x8180);
    String label63 = "b".repeat(63);
    m.addAnswers().setName(label63 + "." + label63 + "." + label63 + "." + "c".repeat(61) + ".")
        .setType(16).setRclass(1).setTtl(60).mutableTxt().addStrings(new byte[255]);
    byte[] entry = m.toByteArray();
    for (CachedAnswerDecoder decoder : DECODERS) {
      AnswerWriter out = new AnswerWriter();
      decoder.write(entry, query(), 1232, 0, 0, out);
      out.finish(false);
      new org.xbill.DNS.Message(java.util.Arrays.copyOf(out.buffer(), out.length())); // parses
    }
  }
}
