package dev.protodec.doh.grpc;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.Question;
import dev.protodec.doh.cache.TtlPolicy;
import dev.protodec.doh.store.MessageConverter;
import java.io.IOException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Structured {@code DnsMessage}s to DNS wire and back, for the gRPC API (dnsjava does the wire work; the
 * DoH hit path never comes here).
 */
final class QueryMessages {
  /** TTLs as the answer carries them: no clamps. */
  private static final MessageConverter AS_IS =
      new MessageConverter(new TtlPolicy(0, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));

  private QueryMessages() {}

  /**
   * The query as DNS wire: its header id, RD and CD bits, opcode, its questions (exactly what is given:
   * the resolver answers two questions with FORMERR) and an OPT record if it has EDNS.
   *
   * @throws IllegalArgumentException naming the question whose name is not a domain name
   */
  static byte[] toWire(DnsMessage query) {
    Message m = new Message(query.getHeader().getId());
    int flags = query.getHeader().getFlags();
    m.getHeader().setOpcode(query.getHeader().getOpcodeValue());
    if ((flags & (1 << 8)) != 0 || !query.hasHeader()) {
      m.getHeader().setFlag(Flags.RD);
    }
    if ((flags & (1 << 4)) != 0) {
      m.getHeader().setFlag(Flags.CD);
    }
    for (int i = 0; i < query.getQuestionsCount(); i++) {
      Question q = query.getQuestions(i);
      m.addRecord(Record.newRecord(name(q.getName(), i), q.getQtype(),
          q.getQclass() == 0 ? DClass.IN : q.getQclass()), Section.QUESTION);
    }
    if (query.hasEdns()) {
      int payload = Math.max(512, query.getEdns().getUdpPayloadSize());
      m.addRecord(new OPTRecord(payload, 0, query.getEdns().getVersion(),
          query.getEdns().getDnssecOk() ? ExtendedFlags.DO : 0), Section.ADDITIONAL);
    }
    return m.toWire();
  }

  /** A wire answer as a structured message, TTLs as given. */
  static DnsMessage fromWire(byte[] answer, int length) throws IOException {
    byte[] wire = length == answer.length ? answer : java.util.Arrays.copyOf(answer, length);
    Message reply = new Message(wire);
    int soaTtl = 0;
    for (Record r : reply.getSection(Section.AUTHORITY)) {
      if (r instanceof SOARecord) {
        soaTtl = (int) Math.min(Integer.MAX_VALUE, r.getTTL());
      }
    }
    return AS_IS.convert(reply, soaTtl);
  }

  private static Name name(String text, int index) {
    try {
      return Name.fromString(text.endsWith(".") ? text : text + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException("questions[" + index + "].name '" + text + "': " + e.getMessage(), e);
    }
  }

  static String typeName(int type) {
    return Type.string(type);
  }
}
