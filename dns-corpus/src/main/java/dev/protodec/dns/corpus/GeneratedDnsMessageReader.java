package dev.protodec.dns.corpus;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.Edns;
import dev.protodec.dns.fast.EdnsOption;
import dev.protodec.dns.fast.Header;
import dev.protodec.dns.fast.MxData;
import dev.protodec.dns.fast.Question;
import dev.protodec.dns.fast.ResourceRecord;
import dev.protodec.dns.fast.SoaData;
import dev.protodec.dns.fast.TxtData;
import dev.protodec.runtime.ProtoReader;
import dev.protodec.runtime.RepeatedMessage;
import java.io.IOException;

/**
 * Reads with protodec's generated classes ({@code dev.protodec.dns.fast}) the way they are meant to be
 * used on a hot path: one {@link ProtoReader} and one {@link DnsMessage}, cleared and refilled for every
 * message, so nested messages, strings and byte arrays from earlier messages are reused. Once warm, a
 * light read allocates nothing; a deep read allocates only the {@link String}s it is asked for.
 *
 * <p>Not thread-safe (it owns one reusable message).
 */
public final class GeneratedDnsMessageReader implements DnsMessageReader {
  private final ProtoReader reader;
  private final DnsMessage message = DnsMessage.newInstance();

  /** The default (strict) mode: strings copied and checked as protobuf-java checks them. */
  public GeneratedDnsMessageReader() {
    this(false);
  }

  /**
   * @param zeroCopy read in zero-copy mode ({@link ProtoReader#setZeroCopy}): strings and bytes refer to
   *     the input, UTF-8 is checked when a string is first decoded
   */
  public GeneratedDnsMessageReader(boolean zeroCopy) {
    this.reader = ProtoReader.newInstance().setZeroCopy(zeroCopy);
  }

  @Override
  public String name() {
    return reader.isZeroCopy() ? "protodec (zero-copy)" : "protodec";
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    light(parse(bytes), sink);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    deep(parse(bytes), sink);
  }

  /** Pushes the light sequence of an already parsed message (however it was parsed). */
  public static void light(DnsMessage m, FieldSink sink) {
    Header header = m.getHeader();
    sink.value(header.getId());
    sink.value(header.getRcodeValue());
    sink.value(m.getQuestionsCount());
    sink.value(m.getAnswersCount());
    sink.value(m.getAuthoritiesCount());
    sink.value(m.getAdditionalsCount());
    if (m.getQuestionsCount() > 0) {
      sink.value(m.getQuestions(0).getNameUtf8());
    }
    if (m.getAnswersCount() > 0) {
      sink.value(m.getAnswers(0).getNameUtf8());
    }
    ttls(m.getAnswersList(), sink);
    ttls(m.getAuthoritiesList(), sink);
    ttls(m.getAdditionalsList(), sink);
  }

  /** Pushes the deep sequence of an already parsed message (however it was parsed). */
  public static void deep(DnsMessage m, FieldSink sink) {
    sink.value(m.hasHeader());
    if (m.hasHeader()) {
      header(m.getHeader(), sink);
    }
    RepeatedMessage<Question> questions = m.getQuestionsList();
    sink.value(questions.size());
    for (int i = 0; i < questions.size(); i++) {
      question(questions.get(i), sink);
    }
    records(m.getAnswersList(), sink);
    records(m.getAuthoritiesList(), sink);
    records(m.getAdditionalsList(), sink);
    sink.value(m.hasEdns());
    if (m.hasEdns()) {
      edns(m.getEdns(), sink);
    }
  }

  private DnsMessage parse(byte[] bytes) throws IOException {
    message.clear();
    return reader.wrap(bytes).parseInto(message);
  }

  private static void ttls(RepeatedMessage<ResourceRecord> records, FieldSink sink) {
    for (int i = 0; i < records.size(); i++) {
      sink.value(records.get(i).getTtl());
    }
  }

  private static void header(Header h, FieldSink sink) {
    sink.value(h.getId());
    sink.value(h.getFlags());
    sink.value(h.getOpcodeValue());
    sink.value(h.getRcodeValue());
  }

  private static void question(Question q, FieldSink sink) {
    sink.value(q.getName());
    sink.value(q.getQtype());
    sink.value(q.getQclass());
  }

  private static void records(RepeatedMessage<ResourceRecord> records, FieldSink sink) {
    sink.value(records.size());
    for (int i = 0; i < records.size(); i++) {
      record(records.get(i), sink);
    }
  }

  private static void record(ResourceRecord r, FieldSink sink) {
    sink.value(r.getName());
    sink.value(r.getType());
    sink.value(r.getRclass());
    sink.value(r.getTtl());
    ResourceRecord.RdataCase rdata = r.getRdataCase();
    sink.value(rdata.getNumber());
    switch (rdata) {
      case A:
        sink.value(r.getA());
        break;
      case AAAA:
        sink.value(r.getAaaa());
        break;
      case CNAME:
        sink.value(r.getCname());
        break;
      case NS:
        sink.value(r.getNs());
        break;
      case PTR:
        sink.value(r.getPtr());
        break;
      case MX:
        mx(r.getMx(), sink);
        break;
      case TXT:
        txt(r.getTxt(), sink);
        break;
      case SOA:
        soa(r.getSoa(), sink);
        break;
      case RAW:
        sink.value(r.getRaw());
        break;
      default: // RDATA_NOT_SET: the case number 0 was all
        break;
    }
  }

  private static void mx(MxData mx, FieldSink sink) {
    sink.value(mx.getPreference());
    sink.value(mx.getExchange());
  }

  private static void txt(TxtData txt, FieldSink sink) {
    sink.value(txt.getStringsCount());
    for (int i = 0; i < txt.getStringsCount(); i++) {
      sink.value(txt.getStrings(i));
    }
  }

  private static void soa(SoaData soa, FieldSink sink) {
    sink.value(soa.getMname());
    sink.value(soa.getRname());
    sink.value(soa.getSerial());
    sink.value(soa.getRefresh());
    sink.value(soa.getRetry());
    sink.value(soa.getExpire());
    sink.value(soa.getMinimum());
  }

  private static void edns(Edns edns, FieldSink sink) {
    sink.value(edns.getUdpPayloadSize());
    sink.value(edns.getExtendedRcode());
    sink.value(edns.getVersion());
    sink.value(edns.getDnssecOk());
    sink.value(edns.getOptionsCount());
    for (int i = 0; i < edns.getOptionsCount(); i++) {
      EdnsOption option = edns.getOptions(i);
      sink.value(option.getCode());
      sink.value(option.getData());
    }
  }
}
