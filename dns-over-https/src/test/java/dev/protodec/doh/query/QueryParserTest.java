package dev.protodec.doh.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.doh.resolver.MalformedQueryException;
import dev.protodec.doh.resolver.MalformedQueryException.Reason;
import dev.protodec.doh.testing.Queries;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class QueryParserTest {
  private final QueryParser parser = new QueryParser();
  private final ParsedQuery q = new ParsedQuery();

  @Test
  void readsHeaderQuestionAndEdnsOfAQueryAtAnOffset() throws Exception {
    Message m = Queries.message("WwW.Example.TEST.", Type.AAAA, 0xbeef, true, true, true);
    m.getHeader().setFlag(Flags.CD);
    byte[] wire = m.toWire();
    byte[] shifted = new byte[wire.length + 7];
    System.arraycopy(wire, 0, shifted, 5, wire.length);
    parser.parse(shifted, 5, wire.length, q);
    assertEquals(0xbeef, q.id());
    assertEquals(0, q.opcode());
    assertEquals(1, q.questionCount());
    assertTrue(q.recursionDesired());
    assertTrue(q.checkingDisabled());
    assertEquals(Type.AAAA, q.qtype());
    assertEquals(1, q.qclass());
    assertArrayEquals(Name.fromString("WwW.Example.TEST.").toWire(),
        Arrays.copyOfRange(shifted, q.nameStart(), q.nameStart() + q.nameLength()));
    assertTrue(q.hasEdns());
    assertTrue(q.dnssecOk());
    assertTrue(q.paddingRequested());
    assertEquals(1232, q.udpPayloadSize());
  }

  @Test
  void aQueryWithoutEdnsHasNoDoBitAndNoPadding() throws Exception {
    parser.parse(Queries.query("example.test.", Type.A, 1), 0, Queries.query("example.test.", Type.A, 1).length, q);
    assertFalse(q.hasEdns());
    assertFalse(q.dnssecOk());
    assertFalse(q.paddingRequested());
  }

  @Test
  void twoQuestionsParseWithoutReadingThem() throws Exception {
    byte[] wire = Queries.query("example.test.", Type.A, 7);
    wire[5] = 2;
    parser.parse(wire, 0, wire.length, q);
    assertEquals(2, q.questionCount());
    assertEquals(7, q.id());
  }

  @Test
  void shortInputIsTooShort() {
    assertEquals(Reason.TOO_SHORT, reason(new byte[11]));
  }

  @Test
  void aResponseIsNotAQuery() {
    byte[] wire = Queries.query("example.test.", Type.A, 1);
    wire[2] |= (byte) 0x80;
    assertEquals(Reason.NOT_A_QUERY, reason(wire));
  }

  @Test
  void aQuestionCutShortIsTruncated() {
    byte[] wire = Queries.query("example.test.", Type.A, 1);
    assertEquals(Reason.TRUNCATED_QUESTION, reason(Arrays.copyOf(wire, wire.length - 2)));
    assertEquals(Reason.TRUNCATED_QUESTION, reason(Arrays.copyOf(wire, 15)));
  }

  @Test
  void aLabelOver63BytesOrAPointerIsABadName() {
    byte[] wire = Queries.query("example.test.", Type.A, 1);
    wire[12] = 64;
    assertEquals(Reason.BAD_NAME, reason(wire));
    wire[12] = (byte) 0xc0;
    assertEquals(Reason.BAD_NAME, reason(wire));
  }

  @Test
  void twoOptRecordsAreBadEdns() {
    byte[] one = Queries.ednsQuery("example.test.", Type.A, 1, false, false);
    byte[] opt = Arrays.copyOfRange(one, one.length - 11, one.length);
    byte[] two = Arrays.copyOf(one, one.length + opt.length);
    System.arraycopy(opt, 0, two, one.length, opt.length);
    two[11] = 2;
    assertEquals(Reason.BAD_EDNS, reason(two));
  }

  @Test
  void anAdditionalRecordPastTheEndIsTruncated() {
    byte[] wire = Queries.ednsQuery("example.test.", Type.A, 1, false, false);
    assertEquals(Reason.TRUNCATED_RECORD, reason(Arrays.copyOf(wire, wire.length - 3)));
  }

  private Reason reason(byte[] wire) {
    return assertThrows(MalformedQueryException.class, () -> parser.parse(wire, 0, wire.length, q)).reason();
  }
}
