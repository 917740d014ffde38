package dev.protodec.doh.decode;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.Edns;
import dev.protodec.dns.fast.EdnsOption;
import dev.protodec.dns.fast.Header;
import dev.protodec.dns.fast.MxData;
import dev.protodec.dns.fast.ResourceRecord;
import dev.protodec.dns.fast.SoaData;
import dev.protodec.dns.fast.TxtData;
import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.answer.UnwritableRecordException;
import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.runtime.ProtoBytes;
import dev.protodec.runtime.ProtoReader;
import dev.protodec.runtime.RepeatedMessage;
import dev.protodec.runtime.Utf8String;
import java.io.IOException;

/**
 * Decodes with protodec's generated classes ({@code dev.protodec.dns.fast}) as they are meant to be used
 * on a hot path: one {@link DnsMessage} and one {@link ProtoReader} per thread, cleared and refilled for
 * every hit, names handed to the writer as the UTF-8 bytes of {@link Utf8String} (no {@code String} is
 * built). Once warm, a hit allocates nothing.
 *
 * <p>In zero-copy mode ({@link ProtoReader#setZeroCopy}) the parse refers to the entry's bytes instead
 * of copying names and RDATA, and leaves UTF-8 unchecked: nothing here decodes a string (names go on as
 * bytes, and the answer writer checks their labels), and the message is done with before {@link #write}
 * returns, while the entry's bytes cannot change.
 */
public final class GeneratedAnswerDecoder implements CachedAnswerDecoder {
  private final boolean zeroCopy;
  private final ThreadLocal<State> state;

  /** @param zeroCopy parse cached entries in zero-copy mode */
  public GeneratedAnswerDecoder(boolean zeroCopy) {
    this.zeroCopy = zeroCopy;
    this.state = ThreadLocal.withInitial(() -> new State(zeroCopy));
  }

  @Override
  public String name() {
    return zeroCopy ? "generated-zero-copy" : "generated";
  }

  @Override
  public void write(byte[] payload, ParsedQuery query, int udpPayloadSize, int elapsedSeconds, int ttlOverride,
      AnswerWriter out) throws IOException {
    State s = state.get();
    DnsMessage m = s.message;
    m.clear();
    s.reader.wrap(payload).parseInto(m);
    write(m, query, udpPayloadSize, elapsedSeconds, ttlOverride, out);
  }

  /**
   * Writes an already decoded message: also how the store stage turns a message into wire. Checks
   * each record's RDATA fits its type ({@link RdataRules}) before writing it.
   *
   * @throws CorruptEntryException if the message is not an answer DNS can carry; what {@code out} holds
   *     then is no answer
   */
  public static void write(DnsMessage m, ParsedQuery query, int udpPayloadSize, int elapsedSeconds,
      int ttlOverride, AnswerWriter out) throws CorruptEntryException {
    try {
      writeChecked(m, query, udpPayloadSize, elapsedSeconds, ttlOverride, out);
    } catch (UnwritableRecordException e) {
      throw new CorruptEntryException("a cached entry DNS cannot carry: " + e.getMessage(), e);
    }
  }

  private static void writeChecked(DnsMessage m, ParsedQuery query, int udpPayloadSize, int elapsedSeconds,
      int ttlOverride, AnswerWriter out) throws CorruptEntryException {
    Header h = m.getHeader();
    int rcode = h.getRcodeValue();
    out.begin(query, h.getFlags(), h.getOpcodeValue(), rcode, true, elapsedSeconds, ttlOverride);
    section(m.getAnswersList(), AnswerWriter.ANSWER, out);
    section(m.getAuthoritiesList(), AnswerWriter.AUTHORITY, out);
    section(m.getAdditionalsList(), AnswerWriter.ADDITIONAL, out);
    if (query.hasEdns()) {
      out.beginEdns(udpPayloadSize, rcode >> 4, query.dnssecOk());
      if (m.hasEdns()) {
        Edns edns = m.getEdns();
        for (int i = 0; i < edns.getOptionsCount(); i++) {
          EdnsOption option = edns.getOptions(i);
          if (option.getCode() == OPTION_EDE) {
            ProtoBytes data = option.getData();
            out.ednsOption(OPTION_EDE, data.array(), data.offset(), data.length());
          }
        }
      }
    }
  }

  private static void section(RepeatedMessage<ResourceRecord> records, int section, AnswerWriter out)
      throws CorruptEntryException {
    for (int i = 0; i < records.size(); i++) {
      record(records.get(i), section, out);
    }
  }

  private static void record(ResourceRecord r, int section, AnswerWriter out) throws CorruptEntryException {
    RdataRules.check(r.getType(), r.getRdataCase().getNumber(),
        r.getRdataCase() == ResourceRecord.RdataCase.AAAA ? r.getAaaa().length() : 0);
    Utf8String owner = r.getNameUtf8();
    out.record(section, owner.utf8Array(), owner.utf8Offset(), owner.utf8Length(), r.getType(), r.getRclass(), r.getTtl());
    switch (r.getRdataCase()) {
      case A:
        out.u32(r.getA());
        break;
      case AAAA:
        bytes(r.getAaaa(), out);
        break;
      case CNAME:
        name(r.getCnameUtf8(), out);
        break;
      case NS:
        name(r.getNsUtf8(), out);
        break;
      case PTR:
        name(r.getPtrUtf8(), out);
        break;
      case MX:
        MxData mx = r.getMx();
        out.u16(mx.getPreference());
        name(mx.getExchangeUtf8(), out);
        break;
      case TXT:
        TxtData txt = r.getTxt();
        for (int i = 0; i < txt.getStringsCount(); i++) {
          ProtoBytes string = txt.getStrings(i);
          out.characterString(string.array(), string.offset(), string.length());
        }
        break;
      case SOA:
        soa(r.getSoa(), out);
        break;
      case RAW:
        bytes(r.getRaw(), out);
        break;
      default: // no RDATA
        break;
    }
    out.endRecord();
  }

  private static void soa(SoaData soa, AnswerWriter out) {
    name(soa.getMnameUtf8(), out);
    name(soa.getRnameUtf8(), out);
    out.u32(soa.getSerial());
    out.u32(soa.getRefresh());
    out.u32(soa.getRetry());
    out.u32(soa.getExpire());
    out.u32(soa.getMinimum());
  }

  private static void name(Utf8String name, AnswerWriter out) {
    out.name(name.utf8Array(), name.utf8Offset(), name.utf8Length());
  }

  private static void bytes(ProtoBytes bytes, AnswerWriter out) {
    out.bytes(bytes.array(), bytes.offset(), bytes.length());
  }

  /** One thread's reusable message and reader. */
  private static final class State {
    final DnsMessage message = DnsMessage.newInstance();
    final ProtoReader reader;

    State(boolean zeroCopy) {
      reader = ProtoReader.newInstance().setZeroCopy(zeroCopy);
    }
  }
}
