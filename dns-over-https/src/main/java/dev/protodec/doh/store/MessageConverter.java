package dev.protodec.doh.store;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.Edns;
import dev.protodec.dns.fast.Header;
import dev.protodec.dns.fast.ResourceRecord;
import dev.protodec.dns.fast.SoaData;
import dev.protodec.dns.fast.TxtData;
import dev.protodec.doh.cache.TtlPolicy;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/**
 * An upstream reply (a dnsjava {@link Message}) as protodec's {@code DnsMessage}: the schema's typed RDATA
 * for A, AAAA, CNAME, NS, PTR, MX, TXT and SOA, the uncompressed wire RDATA ({@code raw}) for every other
 * type, TTLs as {@link TtlPolicy} stores them, and the OPT record's fields and options. Runs on the miss
 * path only.
 */
public final class MessageConverter {
  private final TtlPolicy ttls;

  public MessageConverter(TtlPolicy ttls) {
    this.ttls = ttls;
  }

  /** {@code reply} as a new message, each record's TTL as stored for an entry of {@code entryTtl}. */
  public DnsMessage convert(Message reply, int entryTtl) {
    DnsMessage m = DnsMessage.newInstance();
    org.xbill.DNS.Header h = reply.getHeader();
    Header header = m.mutableHeader();
    header.setId(h.getID());
    header.setFlags(flagsWord(h));
    header.setOpcodeValue(h.getOpcode());
    header.setRcodeValue(reply.getRcode());
    for (Record q : reply.getSection(Section.QUESTION)) {
      m.addQuestions().setName(q.getName().toString()).setQtype(q.getType()).setQclass(q.getDClass());
    }
    boolean negative = TtlPolicy.isNegative(reply);
    records(reply.getSection(Section.ANSWER), negative, entryTtl, m, Section.ANSWER);
    records(reply.getSection(Section.AUTHORITY), negative, entryTtl, m, Section.AUTHORITY);
    records(reply.getSection(Section.ADDITIONAL), negative, entryTtl, m, Section.ADDITIONAL);
    OPTRecord opt = reply.getOPT();
    if (opt != null) {
      Edns edns = m.mutableEdns();
      edns.setUdpPayloadSize(opt.getPayloadSize());
      edns.setExtendedRcode(opt.getExtendedRcode());
      edns.setVersion(opt.getVersion());
      edns.setDnssecOk((opt.getFlags() & org.xbill.DNS.ExtendedFlags.DO) != 0);
      for (EDNSOption option : opt.getOptions()) {
        byte[] wire = option.toWire(); // code and length, then the data
        edns.addOptions().setCode(option.getCode()).setData(Arrays.copyOfRange(wire, 4, wire.length));
      }
    }
    return m;
  }

  /** The header's second word with only the flag bits the schema keeps. */
  private static int flagsWord(org.xbill.DNS.Header h) {
    int[] bits = {0, 5, 6, 7, 8, 10, 11}; // QR AA TC RD RA AD CD, dnsjava's numbering (0 = leftmost)
    int word = 0;
    for (int bit : bits) {
      if (h.getFlag(bit)) {
        word |= 1 << (15 - bit);
      }
    }
    return word;
  }

  private void records(List<Record> records, boolean negative, int entryTtl, DnsMessage m, int section) {
    for (Record r : records) {
      if (r instanceof OPTRecord) {
        continue;
      }
      ResourceRecord out = section == Section.ANSWER ? m.addAnswers()
          : section == Section.AUTHORITY ? m.addAuthorities() : m.addAdditionals();
      out.setName(r.getName().toString())
          .setType(r.getType())
          .setRclass(r.getDClass())
          .setTtl(ttls.recordTtl(r, negative, entryTtl));
      rdata(r, out);
    }
  }

  private static void rdata(Record r, ResourceRecord out) {
    if (r instanceof ARecord) {
      byte[] a = ((ARecord) r).getAddress().getAddress();
      out.setA((a[0] & 0xff) << 24 | (a[1] & 0xff) << 16 | (a[2] & 0xff) << 8 | (a[3] & 0xff));
    } else if (r instanceof AAAARecord) {
      out.setAaaa(((AAAARecord) r).getAddress().getAddress());
    } else if (r instanceof CNAMERecord) {
      out.setCname(((CNAMERecord) r).getTarget().toString());
    } else if (r instanceof NSRecord) {
      out.setNs(((NSRecord) r).getTarget().toString());
    } else if (r instanceof PTRRecord) {
      out.setPtr(((PTRRecord) r).getTarget().toString());
    } else if (r instanceof MXRecord) {
      MXRecord mx = (MXRecord) r;
      out.mutableMx().setPreference(mx.getPriority()).setExchange(mx.getTarget().toString());
    } else if (r instanceof TXTRecord) {
      TxtData txt = out.mutableTxt();
      for (byte[] s : ((TXTRecord) r).getStringsAsByteArrays()) {
        txt.addStrings(s);
      }
    } else if (r instanceof SOARecord) {
      SOARecord soa = (SOARecord) r;
      SoaData data = out.mutableSoa();
      data.setMname(soa.getHost().toString()).setRname(soa.getAdmin().toString())
          .setSerial((int) soa.getSerial()).setRefresh((int) soa.getRefresh()).setRetry((int) soa.getRetry())
          .setExpire((int) soa.getExpire()).setMinimum((int) soa.getMinimum());
    } else {
      out.setRaw(rawRdata(r));
    }
  }

  /** The record's RDATA as on the wire, uncompressed: its uncompressed record encoding minus the front. */
  private static byte[] rawRdata(Record r) {
    byte[] wire = r.toWire(Section.ANSWER);
    int rdStart = r.getName().length() + 10;
    return Arrays.copyOfRange(wire, rdStart, wire.length);
  }
}
