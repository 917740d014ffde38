package dev.protodec.jmh.dns;

import dev.protodec.dns.corpus.DnsMessageReader;
import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.jmh.dns.wire.DnsMessage;
import dev.protodec.jmh.dns.wire.Edns;
import dev.protodec.jmh.dns.wire.EdnsOption;
import dev.protodec.jmh.dns.wire.Header;
import dev.protodec.jmh.dns.wire.MxData;
import dev.protodec.jmh.dns.wire.Question;
import dev.protodec.jmh.dns.wire.ResourceRecord;
import dev.protodec.jmh.dns.wire.SoaData;
import dev.protodec.jmh.dns.wire.TxtData;
import java.io.IOException;
import java.util.List;

/**
 * Reads with Wire's generated Java classes as their users do: {@code DnsMessage.ADAPTER.decode(bytes)},
 * a new immutable message per call with public fields; strings are {@link String}s (decoded while
 * parsing) and bytes Okio {@code ByteString}s. A oneof is a set of nullable fields, at most one non-null.
 */
public final class WireDnsMessageReader implements DnsMessageReader {
  @Override
  public String name() {
    return "Wire";
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    DnsMessage m = DnsMessage.ADAPTER.decode(bytes);
    Header header = m.header;
    sink.value(header == null ? 0 : header.id);
    sink.value(header == null ? 0 : header.rcode.getValue());
    sink.value(m.questions.size());
    sink.value(m.answers.size());
    sink.value(m.authorities.size());
    sink.value(m.additionals.size());
    if (!m.questions.isEmpty()) {
      sink.value(m.questions.get(0).name);
    }
    if (!m.answers.isEmpty()) {
      sink.value(m.answers.get(0).name);
    }
    ttls(m.answers, sink);
    ttls(m.authorities, sink);
    ttls(m.additionals, sink);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    DnsMessage m = DnsMessage.ADAPTER.decode(bytes);
    sink.value(m.header != null);
    if (m.header != null) {
      Header h = m.header;
      sink.value(h.id);
      sink.value(h.flags);
      sink.value(h.opcode.getValue());
      sink.value(h.rcode.getValue());
    }
    sink.value(m.questions.size());
    for (int i = 0; i < m.questions.size(); i++) {
      Question q = m.questions.get(i);
      sink.value(q.name);
      sink.value(q.qtype);
      sink.value(q.qclass);
    }
    records(m.answers, sink);
    records(m.authorities, sink);
    records(m.additionals, sink);
    sink.value(m.edns != null);
    if (m.edns != null) {
      edns(m.edns, sink);
    }
  }

  private static void ttls(List<ResourceRecord> records, FieldSink sink) {
    for (int i = 0; i < records.size(); i++) {
      sink.value(records.get(i).ttl);
    }
  }

  private static void records(List<ResourceRecord> records, FieldSink sink) {
    sink.value(records.size());
    for (int i = 0; i < records.size(); i++) {
      record(records.get(i), sink);
    }
  }

  private static void record(ResourceRecord r, FieldSink sink) {
    sink.value(r.name);
    sink.value(r.type);
    sink.value(r.rclass);
    sink.value(r.ttl);
    if (r.a != null) {
      sink.value(5);
      sink.value(r.a.intValue());
    } else if (r.aaaa != null) {
      sink.value(6);
      sink.value(r.aaaa);
    } else if (r.cname != null) {
      sink.value(7);
      sink.value(r.cname);
    } else if (r.ns != null) {
      sink.value(8);
      sink.value(r.ns);
    } else if (r.ptr != null) {
      sink.value(9);
      sink.value(r.ptr);
    } else if (r.mx != null) {
      sink.value(10);
      mx(r.mx, sink);
    } else if (r.txt != null) {
      sink.value(11);
      txt(r.txt, sink);
    } else if (r.soa != null) {
      sink.value(12);
      soa(r.soa, sink);
    } else if (r.raw != null) {
      sink.value(13);
      sink.value(r.raw);
    } else {
      sink.value(0);
    }
  }

  private static void mx(MxData mx, FieldSink sink) {
    sink.value(mx.preference);
    sink.value(mx.exchange);
  }

  private static void txt(TxtData txt, FieldSink sink) {
    sink.value(txt.strings.size());
    for (int i = 0; i < txt.strings.size(); i++) {
      sink.value(txt.strings.get(i));
    }
  }

  private static void soa(SoaData soa, FieldSink sink) {
    sink.value(soa.mname);
    sink.value(soa.rname);
    sink.value(soa.serial);
    sink.value(soa.refresh);
    sink.value(soa.retry);
    sink.value(soa.expire);
    sink.value(soa.minimum);
  }

  private static void edns(Edns edns, FieldSink sink) {
    sink.value(edns.udp_payload_size);
    sink.value(edns.extended_rcode);
    sink.value(edns.version);
    sink.value(edns.dnssec_ok);
    sink.value(edns.options.size());
    for (int i = 0; i < edns.options.size(); i++) {
      EdnsOption option = edns.options.get(i);
      sink.value(option.code);
      sink.value(option.data);
    }
  }
}
