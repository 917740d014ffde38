package dev.protodec.doh.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.doh.query.QueryParser;
import dev.protodec.doh.testing.Queries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import java.net.InetAddress;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class AnswerWriterTest {
  private final AnswerWriter w = new AnswerWriter();

  private ParsedQuery parse(byte[] wire) throws Exception {
    ParsedQuery q = new ParsedQuery();
    new QueryParser().parse(wire, 0, wire.length, q);
    return q;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesRecordsDnsjavaReadsBackWithDecayedTtlsAndCompression() throws Exception {
    ParsedQuery q = parse(Queries.query("Alias.Example.Test.", Type.A, 0x1234));
    w.begin(q, 0x0400, 0, 0, true, 100, 0);
    byte[] owner = utf8("alias.example.test.");
    w.record(AnswerWriter.ANSWER, owner, 0, owner.length, Type.CNAME, 1, 300);
    w.name("www.example.test.");
    w.endRecord();
    w.record(AnswerWriter.ANSWER, "www.example.test.", Type.A, 1, 150);
    w.u32(0xc0000201);
    w.endRecord();
    w.record(AnswerWriter.AUTHORITY, "example.test.", Type.MX, 1, 3600);
    w.u16(10);
    w.name(utf8("xmail.example.test."), 1, 18);
    w.endRecord();
    w.record(AnswerWriter.AUTHORITY, "example.test.", Type.SOA, 1, 60);
    w.name("ns1.example.test.");
    w.name("host\\.master.example.test.");
    for (int v : new int[] {2026, 7200, 900, 1209600, 60}) {
      w.u32(v);
    }
    w.endRecord();
    w.record(AnswerWriter.ADDITIONAL, "t.example.test.", Type.TXT, 1, 50);
    w.characterString(utf8("hello"), 0, 5);
    w.characterString(utf8("a b"), 0, 3);
    w.endRecord();
    w.finish(false);

    Message m = Queries.parse(java.util.Arrays.copyOf(w.buffer(), w.length()));
    assertEquals(0x1234, m.getHeader().getID());
    assertTrue(m.getHeader().getFlag(Flags.QR));
    assertTrue(m.getHeader().getFlag(Flags.AA));
    assertTrue(m.getHeader().getFlag(Flags.RD));
    assertEquals(Name.fromString("Alias.Example.Test."), m.getQuestion().getName());
    List<Record> answers = m.getSection(Section.ANSWER);
    assertEquals(2, answers.size());
    assertEquals(Name.fromString("www.example.test."), ((CNAMERecord) answers.get(0)).getTarget());
    assertEquals(200, answers.get(0).getTTL());
    assertEquals(50, answers.get(1).getTTL());
    assertEquals("192.0.2.1", answers.get(1).rdataToString());
    List<Record> authority = m.getSection(Section.AUTHORITY);
    assertEquals(Name.fromString("mail.example.test."), ((MXRecord) authority.get(0)).getTarget());
    SOARecord soa = (SOARecord) authority.get(1);
    assertEquals(Name.fromString("host\\.master.example.test."), soa.getAdmin());
    assertEquals(0, soa.getTTL());
    assertEquals(1209600, soa.getExpire());
    TXTRecord txt = (TXTRecord) m.getSection(Section.ADDITIONAL).get(0);
    assertEquals(List.of("hello", "a b"), txt.getStrings());
    assertEquals(0, w.minTtl());
    // every name after the question ends in a pointer: 9 names, each at most its first label plus 2 bytes
    assertTrue(w.length() < 12 + 24 + 150, "compressed length " + w.length());
  }

  @Test
  void aNameGivenAgainIsAPointerToItsFirstCopyAndTheQuestionsNameIsFoundInAnyCase() throws Exception {
    ParsedQuery q = parse(Queries.query("Www.Example.Test.", Type.A, 7));
    w.begin(q, 0, 0, 0, true, 0, 0);
    int owner1 = w.length(); // 12 + 18 (the question's name) + 4
    w.record(AnswerWriter.ANSWER, "www.example.test.", Type.CNAME, 1, 60);
    int target = w.length(); // record() has left room for RDLENGTH
    w.name(utf8("cdn.example.net."), 0, 16);
    w.endRecord();
    int[] owners = new int[3];
    for (int i = 0; i < 3; i++) {
      owners[i] = w.length();
      w.record(AnswerWriter.ANSWER, i == 2 ? "CDN.example.NET." : "cdn.example.net.", Type.A, 1, 60);
      w.u32(0xc0000201 + i);
      w.endRecord();
    }
    int root1 = w.length();
    w.record(AnswerWriter.ADDITIONAL, ".", Type.A, 1, 60);
    w.u32(1);
    w.endRecord();
    int root2 = w.length();
    w.record(AnswerWriter.ADDITIONAL, ".", Type.A, 1, 60);
    w.u32(2);
    w.endRecord();
    w.finish(false);
    byte[] b = java.util.Arrays.copyOf(w.buffer(), w.length());

    assertEquals(34, owner1);
    assertEquals(12, pointerAt(b, owner1), "the owner, the question's name in another case");
    assertEquals(17, b[target - 1], "the CNAME target is new: 17 bytes of labels");
    for (int at : owners) {
      assertEquals(target, pointerAt(b, at), "owner at " + at);
    }
    assertEquals(0, b[root1], "the root stays one byte");
    assertEquals(0, b[root2], "the root stays one byte");
    Message m = Queries.parse(b);
    List<Record> answers = m.getSection(Section.ANSWER);
    assertEquals(4, answers.size());
    assertEquals(Name.fromString("cdn.example.net."), ((CNAMERecord) answers.get(0)).getTarget());
    for (Record r : answers.subList(1, 4)) {
      assertEquals(Name.fromString("cdn.example.net."), r.getName());
    }
    assertEquals("192.0.2.3", answers.get(3).rdataToString());
    assertEquals(Name.root, m.getSection(Section.ADDITIONAL).get(1).getName());
  }

  /**
   * Names sharing suffixes in several cases and sections: the answer is as short as dnsjava's own
   * compressed rendering of the same message (both replace the longest suffix written before), and
   * dnsjava reads back the same records.
   */
  @Test
  void compressesAsTightlyAsDnsjava() throws Exception {
    Name question = Name.fromString("Www.Example.test.");
    Name edge = Name.fromString("edge.cdn.example.NET.");
    Name zone = Name.fromString("example.net.");
    List<Record> answer = List.of(
        new CNAMERecord(question, DClass.IN, 60, edge),
        new ARecord(edge, DClass.IN, 60, InetAddress.getByName("192.0.2.1")),
        new ARecord(Name.fromString("EDGE.cdn.example.net."), DClass.IN, 60, InetAddress.getByName("192.0.2.2")));
    List<Record> authority = List.of(
        new NSRecord(zone, DClass.IN, 60, Name.fromString("ns1.cdn.example.net.")),
        new NSRecord(zone, DClass.IN, 60, Name.fromString("ns2.example.test.")),
        new NSRecord(zone, DClass.IN, 60, Name.fromString("x.NS1.cdn.example.net.")), // ends in "ns1" + pointer
        new MXRecord(Name.fromString("cdn.example.net."), DClass.IN, 60, 10, Name.fromString("mx.Cdn.example.net.")),
        new SOARecord(Name.fromString("test."), DClass.IN, 60, Name.fromString("ns2.example.test."),
            Name.fromString("host\\.master.other.test."), 1, 2, 3, 4, 5));
    Message expected = Message.newQuery(Record.newRecord(question, Type.A, DClass.IN));
    expected.getHeader().setID(9);
    expected.getHeader().setFlag(Flags.QR);
    expected.getHeader().setFlag(Flags.RA);
    answer.forEach(r -> expected.addRecord(r, Section.ANSWER));
    authority.forEach(r -> expected.addRecord(r, Section.AUTHORITY));

    w.begin(parse(Queries.query(question.toString(), Type.A, 9)), 0, 0, 0, true, 0, 0);
    for (Record r : answer) {
      byte[] owner = utf8(r.getName().toString());
      w.record(AnswerWriter.ANSWER, owner, 0, owner.length, r.getType(), 1, 60);
      if (r instanceof CNAMERecord c) {
        w.name(c.getTarget().toString());
      } else {
        w.bytes(((ARecord) r).getAddress().getAddress(), 0, 4);
      }
      w.endRecord();
    }
    for (Record r : authority) {
      w.record(AnswerWriter.AUTHORITY, r.getName().toString(), r.getType(), 1, 60);
      if (r instanceof NSRecord ns) {
        byte[] target = utf8(ns.getTarget().toString());
        w.name(target, 0, target.length);
      } else if (r instanceof MXRecord mx) {
        w.u16(mx.getPriority());
        w.name(mx.getTarget().toString());
      } else {
        SOARecord soa = (SOARecord) r;
        w.name(soa.getHost().toString());
        w.name(soa.getAdmin().toString());
        for (long v : new long[] {soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum()}) {
          w.u32((int) v);
        }
      }
      w.endRecord();
    }
    w.finish(false);

    byte[] ours = java.util.Arrays.copyOf(w.buffer(), w.length());
    assertEquals(expected.toWire().length, ours.length, "compressed as tightly as dnsjava");
    Message m = Queries.parse(ours);
    assertEquals(answer, m.getSection(Section.ANSWER));
    assertEquals(authority, m.getSection(Section.AUTHORITY));
  }

  /** The target of the compression pointer at {@code at}. */
  private static int pointerAt(byte[] b, int at) {
    assertEquals(0xc0, b[at] & 0xc0, "a pointer at " + at);
    return (b[at] & 0x3f) << 8 | (b[at + 1] & 0xff);
  }

  @Test
  void ednsAnswerEchoesDoAndIsPaddedTo468() throws Exception {
    ParsedQuery q = parse(Queries.ednsQuery("www.example.test.", Type.A, 9, true, true));
    w.begin(q, 0, 0, 0, true, 0, 0);
    w.record(AnswerWriter.ANSWER, "www.example.test.", Type.A, 1, 300);
    w.u32(1);
    w.endRecord();
    w.beginEdns(1232, 0, q.dnssecOk());
    w.finish(true);
    assertEquals(0, w.length() % AnswerWriter.PADDING_BLOCK);
    Message m = Queries.parse(java.util.Arrays.copyOf(w.buffer(), w.length()));
    OPTRecord opt = m.getOPT();
    assertEquals(1232, opt.getPayloadSize());
    assertTrue((opt.getFlags() & org.xbill.DNS.ExtendedFlags.DO) != 0);
    assertEquals(12, opt.getOptions().get(0).getCode());
  }

  @Test
  void staleOverrideReplacesEveryTtl() throws Exception {
    ParsedQuery q = parse(Queries.query("www.example.test.", Type.A, 9));
    w.begin(q, 0, 0, 0, true, 5000, 30);
    w.record(AnswerWriter.ANSWER, "www.example.test.", Type.A, 1, 300);
    w.u32(1);
    w.endRecord();
    w.finish(false);
    assertEquals(30, Queries.parse(java.util.Arrays.copyOf(w.buffer(), w.length())).getSection(Section.ANSWER)
        .get(0).getTTL());
  }
}
