package dev.protodec.jmh.pipeline;

import com.google.protobuf.ByteString;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.EdnsOption;
import dev.protodec.dns.v1.Question;
import dev.protodec.dns.v1.ResourceRecord;
import dev.protodec.dns.v1.SoaData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A corpus response (protobuf-java {@link DnsMessage}) as the DNS message an upstream would send: header
 * flags, opcode and rcode as stored, every record built by dnsjava from its wire RDATA (so typed and raw
 * RDATA go the same way), the OPT record with its options. The reverse of the resolver's {@code
 * MessageConverter}; runs in set-ups only.
 */
final class CorpusReplies {
  private CorpusReplies() {}

  /** {@code response} as a dnsjava message (TC cleared: the in-process upstream never truncates). */
  static Message toDns(DnsMessage response) throws IOException {
    Message m = new Message(response.getHeader().getId());
    header(response, m.getHeader());
    for (Question q : response.getQuestionsList()) {
      m.addRecord(Record.newRecord(name(q.getName()), q.getQtype(), q.getQclass()), Section.QUESTION);
    }
    add(response.getAnswersList(), m, Section.ANSWER);
    add(response.getAuthoritiesList(), m, Section.AUTHORITY);
    add(response.getAdditionalsList(), m, Section.ADDITIONAL);
    if (response.hasEdns()) {
      List<EDNSOption> options = new ArrayList<>();
      for (EdnsOption option : response.getEdns().getOptionsList()) {
        options.add(new GenericEDNSOption(option.getCode(), option.getData().toByteArray()));
      }
      m.addRecord(new OPTRecord(Math.max(512, response.getEdns().getUdpPayloadSize()),
          response.getEdns().getExtendedRcode(), response.getEdns().getVersion(),
          response.getEdns().getDnssecOk() ? ExtendedFlags.DO : 0, options), Section.ADDITIONAL);
    }
    return m;
  }

  /** The schema keeps QR, AA, TC, RD, RA, AD and CD as bits 15, 10, 9, 8, 7, 5, 4 of the second word. */
  private static void header(DnsMessage response, Header h) {
    int word = response.getHeader().getFlags();
    for (int bit = 0; bit < 16; bit++) { // dnsjava numbers flags from the left: wire bit 15 - bit
      if (Flags.isFlag(bit) && bit != Flags.TC && (word & (1 << (15 - bit))) != 0) {
        h.setFlag(bit);
      }
    }
    h.setOpcode(response.getHeader().getOpcodeValue());
    h.setRcode(response.getHeader().getRcodeValue() & 0xf);
  }

  private static void add(List<ResourceRecord> records, Message m, int section) throws IOException {
    for (ResourceRecord r : records) {
      m.addRecord(Record.newRecord(name(r.getName()), r.getType(), r.getRclass(), r.getTtl() & 0xffffffffL,
          rdata(r)), section);
    }
  }

  /** The record's RDATA as on the wire, names uncompressed. */
  private static byte[] rdata(ResourceRecord r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (r.getRdataCase()) {
      case A:
        int a = r.getA();
        out.write(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) a});
        break;
      case AAAA:
        r.getAaaa().writeTo(out);
        break;
      case CNAME:
        out.write(name(r.getCname()).toWire());
        break;
      case NS:
        out.write(name(r.getNs()).toWire());
        break;
      case PTR:
        out.write(name(r.getPtr()).toWire());
        break;
      case MX:
        out.write(r.getMx().getPreference() >>> 8);
        out.write(r.getMx().getPreference());
        out.write(name(r.getMx().getExchange()).toWire());
        break;
      case TXT:
        for (ByteString s : r.getTxt().getStringsList()) {
          out.write(s.size());
          s.writeTo(out);
        }
        break;
      case SOA:
        SoaData soa = r.getSoa();
        out.write(name(soa.getMname()).toWire());
        out.write(name(soa.getRname()).toWire());
        for (int v : new int[] {soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(),
            soa.getMinimum()}) {
          out.write(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        }
        break;
      case RAW:
        r.getRaw().writeTo(out);
        break;
      default:
        break;
    }
    return out.toByteArray();
  }

  static Name name(String text) throws IOException {
    return Name.fromString(text.endsWith(".") ? text : text + ".");
  }
}
