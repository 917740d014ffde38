package dev.protodec.jmh.dns;

import dev.protodec.dns.corpus.DnsMessageReader;
import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.jmh.dns.quickbuf.DnsMessage;
import dev.protodec.jmh.dns.quickbuf.Edns;
import dev.protodec.jmh.dns.quickbuf.EdnsOption;
import dev.protodec.jmh.dns.quickbuf.Header;
import dev.protodec.jmh.dns.quickbuf.MxData;
import dev.protodec.jmh.dns.quickbuf.Question;
import dev.protodec.jmh.dns.quickbuf.ResourceRecord;
import dev.protodec.jmh.dns.quickbuf.SoaData;
import dev.protodec.jmh.dns.quickbuf.TxtData;
import java.io.IOException;
import us.hebi.quickbuf.ProtoSource;
import us.hebi.quickbuf.RepeatedMessage;

/**
 * Reads with QuickBuffers as its users do on a hot path: one {@link ProtoSource} and one {@link
 * DnsMessage}, cleared and refilled for every message (nested messages, strings and byte arrays kept).
 * Light reads push names as QuickBuffers' {@code Utf8String} (no decoding); deep reads decode every
 * string. Generated with {@code input_order=number}, the order protobuf-java writes the corpus in.
 *
 * <p>Not thread-safe (it owns one reusable message).
 */
public final class QuickBuffersDnsMessageReader implements DnsMessageReader {
  private final ProtoSource source = ProtoSource.newArraySource();
  private final DnsMessage message = DnsMessage.newInstance();

  @Override
  public String name() {
    return "QuickBuffers";
  }

  /** Parses into the reused message; also what the encode benchmark builds its messages with. */
  DnsMessage parse(byte[] bytes) throws IOException {
    message.clear();
    return message.mergeFrom(source.setInput(bytes));
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    DnsMessage m = parse(bytes);
    Header header = m.getHeader();
    sink.value(header.getId());
    sink.value(header.getRcodeValue());
    int questions = m.getQuestions().length();
    int answers = m.getAnswers().length();
    sink.value(questions);
    sink.value(answers);
    sink.value(m.getAuthorities().length());
    sink.value(m.getAdditionals().length());
    if (questions > 0) {
      sink.value(m.getQuestions().get(0).getNameBytes());
    }
    if (answers > 0) {
      sink.value(m.getAnswers().get(0).getNameBytes());
    }
    ttls(m.getAnswers(), sink);
    ttls(m.getAuthorities(), sink);
    ttls(m.getAdditionals(), sink);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    DnsMessage m = parse(bytes);
    sink.value(m.hasHeader());
    if (m.hasHeader()) {
      Header h = m.getHeader();
      sink.value(h.getId());
      sink.value(h.getFlags());
      sink.value(h.getOpcodeValue());
      sink.value(h.getRcodeValue());
    }
    RepeatedMessage<Question> questions = m.getQuestions();
    sink.value(questions.length());
    for (int i = 0; i < questions.length(); i++) {
      Question q = questions.get(i);
      sink.value(q.getName());
      sink.value(q.getQtype());
      sink.value(q.getQclass());
    }
    records(m.getAnswers(), sink);
    records(m.getAuthorities(), sink);
    records(m.getAdditionals(), sink);
    sink.value(m.hasEdns());
    if (m.hasEdns()) {
      edns(m.getEdns(), sink);
    }
  }

  private static void ttls(RepeatedMessage<ResourceRecord> records, FieldSink sink) {
    for (int i = 0; i < records.length(); i++) {
      sink.value(records.get(i).getTtl());
    }
  }

  private static void records(RepeatedMessage<ResourceRecord> records, FieldSink sink) {
    sink.value(records.length());
    for (int i = 0; i < records.length(); i++) {
      record(records.get(i), sink);
    }
  }

  /** QuickBuffers has no case enum for a oneof: the set member is the one whose has-flag is up. */
  private static void record(ResourceRecord r, FieldSink sink) {
    sink.value(r.getName());
    sink.value(r.getType());
    sink.value(r.getRclass());
    sink.value(r.getTtl());
    if (r.hasA()) {
      sink.value(5);
      sink.value(r.getA());
    } else if (r.hasAaaa()) {
      sink.value(6);
      sink.value(r.getAaaa());
    } else if (r.hasCname()) {
      sink.value(7);
      sink.value(r.getCname());
    } else if (r.hasNs()) {
      sink.value(8);
      sink.value(r.getNs());
    } else if (r.hasPtr()) {
      sink.value(9);
      sink.value(r.getPtr());
    } else if (r.hasMx()) {
      sink.value(10);
      mx(r.getMx(), sink);
    } else if (r.hasTxt()) {
      sink.value(11);
      txt(r.getTxt(), sink);
    } else if (r.hasSoa()) {
      sink.value(12);
      soa(r.getSoa(), sink);
    } else if (r.hasRaw()) {
      sink.value(13);
      sink.value(r.getRaw());
    } else {
      sink.value(0);
    }
  }

  private static void mx(MxData mx, FieldSink sink) {
    sink.value(mx.getPreference());
    sink.value(mx.getExchange());
  }

  private static void txt(TxtData txt, FieldSink sink) {
    int n = txt.getStrings().length();
    sink.value(n);
    for (int i = 0; i < n; i++) {
      sink.value(txt.getStrings().get(i));
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
    RepeatedMessage<EdnsOption> options = edns.getOptions();
    sink.value(options.length());
    for (int i = 0; i < options.length(); i++) {
      EdnsOption option = options.get(i);
      sink.value(option.getCode());
      sink.value(option.getData());
    }
  }
}
