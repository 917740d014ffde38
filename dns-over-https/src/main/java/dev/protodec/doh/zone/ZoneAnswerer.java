package dev.protodec.doh.zone;

import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * Answers one query from one zone, authoritatively: the RRset (following CNAMEs inside the zone), a
 * referral for delegated names, NODATA or NXDOMAIN with the zone's SOA in the authority section
 * (RFC 2308), REFUSED outside the zone, NOTIMP for other opcodes. Stateless; thread-safe.
 */
final class ZoneAnswerer {
  private static final int MAX_CNAME_CHAIN = 8;
  private static final int OUR_UDP_SIZE = 1232;

  private ZoneAnswerer() {}

  static Message answer(Zone zone, Message query) {
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    if (query.getHeader().getFlag(Flags.RD)) {
      reply.getHeader().setFlag(Flags.RD);
    }
    Record question = query.getQuestion();
    if (question != null) {
      reply.addRecord(question, Section.QUESTION);
    }
    if (query.getOPT() != null) {
      reply.addRecord(new OPTRecord(OUR_UDP_SIZE, 0, 0, 0), Section.ADDITIONAL);
    }
    if (query.getHeader().getOpcode() != Opcode.QUERY) {
      reply.getHeader().setRcode(Rcode.NOTIMP);
      return reply;
    }
    if (question == null) {
      reply.getHeader().setRcode(Rcode.FORMERR);
      return reply;
    }
    Name name = question.getName();
    if (!name.subdomain(zone.getOrigin())) {
      reply.getHeader().setRcode(Rcode.REFUSED);
      return reply;
    }
    reply.getHeader().setFlag(Flags.AA);
    resolve(zone, name, question.getType(), reply, 0);
    return reply;
  }

  private static void resolve(Zone zone, Name name, int type, Message reply, int depth) {
    SetResponse found = zone.findRecords(name, type);
    if (found.isSuccessful()) {
      add(found.answers(), reply, Section.ANSWER);
    } else if (found.isCNAME()) {
      reply.addRecord(found.getCNAME(), Section.ANSWER);
      Name target = found.getCNAME().getTarget();
      if (depth < MAX_CNAME_CHAIN && target.subdomain(zone.getOrigin())) {
        resolve(zone, target, type, reply, depth + 1);
      }
    } else if (found.isDelegation()) {
      reply.getHeader().unsetFlag(Flags.AA);
      add(List.of(found.getNS()), reply, Section.AUTHORITY);
    } else if (found.isNXDOMAIN()) {
      reply.getHeader().setRcode(Rcode.NXDOMAIN);
      reply.addRecord(zone.getSOA(), Section.AUTHORITY);
    } else {
      reply.addRecord(zone.getSOA(), Section.AUTHORITY);
    }
  }

  private static void add(List<RRset> sets, Message reply, int section) {
    for (RRset set : sets) {
      for (Record r : set.rrs(false)) { // zone order, not rotated: answers are reproducible
        reply.addRecord(r, section);
      }
    }
  }

  /** The largest UDP answer for {@code query}: 512 without EDNS (RFC 1035), else its size up to ours. */
  static int udpLimit(Message query) {
    OPTRecord opt = query.getOPT();
    return opt == null ? 512 : Math.max(512, Math.min(opt.getPayloadSize(), OUR_UDP_SIZE));
  }

  static boolean isQuery(Message m) {
    return !m.getHeader().getFlag(Flags.QR) && m.getQuestion() != null && m.getQuestion().getType() != Type.AXFR;
  }
}
