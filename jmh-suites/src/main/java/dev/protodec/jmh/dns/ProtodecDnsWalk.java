package dev.protodec.jmh.dns;

import dev.protodec.dns.fast.DnsMessage;
import dev.protodec.dns.fast.Edns;
import dev.protodec.dns.fast.EdnsOption;
import dev.protodec.dns.fast.Header;
import dev.protodec.dns.fast.MxData;
import dev.protodec.dns.fast.Question;
import dev.protodec.dns.fast.ResourceRecord;
import dev.protodec.dns.fast.SoaData;
import dev.protodec.dns.fast.TxtData;
import dev.protodec.dns.schema.DnsMessageReader;
import dev.protodec.dns.schema.FieldSink;
import dev.protodec.runtime.RepeatedMessage;

/**
 * The light and deep sequences of {@link DnsMessageReader} over an already parsed protodec {@link
 * DnsMessage}, for the protodec variants that dns-schema's {@code GeneratedDnsMessageReader} does not
 * cover (a fresh message per call, a direct {@code ByteBuffer} input). Same calls as that reader; the
 * cross-checks hold both to protobuf-java.
 */
final class ProtodecDnsWalk {
  private ProtodecDnsWalk() {}

  static void light(DnsMessage m, FieldSink sink) {
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

  static void deep(DnsMessage m, FieldSink sink) {
    sink.value(m.hasHeader());
    if (m.hasHeader()) {
      Header h = m.getHeader();
      sink.value(h.getId());
      sink.value(h.getFlags());
      sink.value(h.getOpcodeValue());
      sink.value(h.getRcodeValue());
    }
    RepeatedMessage<Question> questions = m.getQuestionsList();
    sink.value(questions.size());
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
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

  private static void ttls(RepeatedMessage<ResourceRecord> records, FieldSink sink) {
    for (int i = 0; i < records.size(); i++) {
      sink.value(records.get(i).getTtl());
    }
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
      case A -> sink.value(r.getA());
      case AAAA -> sink.value(r.getAaaa());
      case CNAME -> sink.value(r.getCname());
      case NS -> sink.value(r.getNs());
      case PTR -> sink.value(r.getPtr());
      case MX -> mx(r.getMx(), sink);
      case TXT -> txt(r.getTxt(), sink);
      case SOA -> soa(r.getSoa(), sink);
      case RAW -> sink.value(r.getRaw());
      default -> { } // RDATA_NOT_SET: the case number 0 was all
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
