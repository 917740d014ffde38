package dev.protodec.jmh.dns;

import dev.protodec.dns.corpus.DnsMessageReader;
import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.Edns;
import dev.protodec.dns.v1.EdnsOption;
import dev.protodec.dns.v1.Header;
import dev.protodec.dns.v1.MxData;
import dev.protodec.dns.v1.Question;
import dev.protodec.dns.v1.ResourceRecord;
import dev.protodec.dns.v1.SoaData;
import dev.protodec.dns.v1.TxtData;
import java.io.IOException;
import java.util.List;

/**
 * Reads with protobuf-java's generated classes ({@code dev.protodec.dns.v1}) as their users do: {@code
 * DnsMessage.parseFrom(bytes)}, a new immutable message per call, strings decoded as they are asked for.
 * The cross-checks' reference.
 */
public final class ProtobufJavaDnsMessageReader implements DnsMessageReader {
  @Override
  public String name() {
    return "protobuf-java";
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    DnsMessage m = DnsMessage.parseFrom(bytes);
    Header header = m.getHeader();
    sink.value(header.getId());
    sink.value(header.getRcodeValue());
    sink.value(m.getQuestionsCount());
    sink.value(m.getAnswersCount());
    sink.value(m.getAuthoritiesCount());
    sink.value(m.getAdditionalsCount());
    if (m.getQuestionsCount() > 0) {
      sink.value(m.getQuestions(0).getName());
    }
    if (m.getAnswersCount() > 0) {
      sink.value(m.getAnswers(0).getName());
    }
    ttls(m.getAnswersList(), sink);
    ttls(m.getAuthoritiesList(), sink);
    ttls(m.getAdditionalsList(), sink);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    DnsMessage m = DnsMessage.parseFrom(bytes);
    sink.value(m.hasHeader());
    if (m.hasHeader()) {
      Header h = m.getHeader();
      sink.value(h.getId());
      sink.value(h.getFlags());
      sink.value(h.getOpcodeValue());
      sink.value(h.getRcodeValue());
    }
    sink.value(m.getQuestionsCount());
    for (Question q : m.getQuestionsList()) {
      sink.value(q.getName());
      sink.value(q.getQtype());
      sink.value(q.getQclass());
    }
    records(m.getAnswersList(), sink);
    records(m.getAuthoritiesList(), sink);
    records(m.getAdditionalsList(), sink);
    sink.value(m.hasEdns());
    if (m.hasEdns()) {
      edns(m.getEdns(), sink);
    }
  }

  private static void ttls(List<ResourceRecord> records, FieldSink sink) {
    for (int i = 0; i < records.size(); i++) {
      sink.value(records.get(i).getTtl());
    }
  }

  private static void records(List<ResourceRecord> records, FieldSink sink) {
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
      case A -> sink.value(r.getA());
      case AAAA -> sink.value(r.getAaaa());
      case CNAME -> sink.value(r.getCname());
      case NS -> sink.value(r.getNs());
      case PTR -> sink.value(r.getPtr());
      case MX -> mx(r.getMx(), sink);
      case TXT -> txt(r.getTxt(), sink);
      case SOA -> soa(r.getSoa(), sink);
      case RAW -> sink.value(r.getRaw());
      case RDATA_NOT_SET -> { } // the case number 0 was all
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
    for (EdnsOption option : edns.getOptionsList()) {
      sink.value(option.getCode());
      sink.value(option.getData());
    }
  }
}
