package dev.protodec.dns.corpus;

import static dev.protodec.reflective.DynamicMessages.boolValue;
import static dev.protodec.reflective.DynamicMessages.bytesElement;
import static dev.protodec.reflective.DynamicMessages.bytesValue;
import static dev.protodec.reflective.DynamicMessages.count;
import static dev.protodec.reflective.DynamicMessages.enumNumber;
import static dev.protodec.reflective.DynamicMessages.field;
import static dev.protodec.reflective.DynamicMessages.has;
import static dev.protodec.reflective.DynamicMessages.intValue;
import static dev.protodec.reflective.DynamicMessages.messageElement;
import static dev.protodec.reflective.DynamicMessages.messageValue;
import static dev.protodec.reflective.DynamicMessages.stringValue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.protodec.dns.schema.DnsSchema;
import dev.protodec.reflective.DynamicMessages;
import dev.protodec.reflective.ReflectiveSchema;
import java.io.IOException;

/**
 * Reads with {@link DynamicMessage}, the reflective baseline, as a careful user would: the schema comes
 * from the descriptor set resource {@value #DESCRIPTOR_SET} (no generated class is involved), every
 * {@link FieldDescriptor} is looked up once in the constructor, and each message is parsed with {@link
 * DynamicMessage#parseFrom(Descriptor, byte[])} and read through those descriptors only.
 *
 * <p>{@code DynamicMessage} decodes every string while it parses, so light reads push {@link String}
 * names too; bytes are pushed as protobuf-java {@code ByteString}s.
 *
 * <p>Keeps no per-message state, but like every {@link DnsMessageReader} it is documented as not
 * thread-safe.
 */
public final class ReflectiveDnsMessageReader implements DnsMessageReader {
  /** The class path resource protodec's plugin writes the schema's descriptor set to. */
  public static final String DESCRIPTOR_SET = DnsSchema.DESCRIPTOR_SET;

  private static final String PACKAGE = DnsSchema.PACKAGE;

  private final Descriptor dnsMessageType;
  private final MessageFields message;
  private final HeaderFields header;
  private final QuestionFields question;
  private final RecordFields record;
  private final EdnsFields edns;

  /** Loads the schema from {@value #DESCRIPTOR_SET}. */
  public ReflectiveDnsMessageReader() {
    this(DnsSchema.load());
  }

  /** Reads with the message types of {@code schema}, which must hold {@code protodec/dns/v1/dns.proto}. */
  public ReflectiveDnsMessageReader(ReflectiveSchema schema) {
    this.dnsMessageType = schema.messageType(PACKAGE + "DnsMessage");
    this.message = new MessageFields(dnsMessageType);
    this.header = new HeaderFields(schema.messageType(PACKAGE + "Header"));
    this.question = new QuestionFields(schema.messageType(PACKAGE + "Question"));
    this.record = new RecordFields(schema);
    this.edns = new EdnsFields(schema);
  }

  @Override
  public String name() {
    return "DynamicMessage";
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    DynamicMessage m = DynamicMessages.parse(dnsMessageType, bytes);
    Message h = messageValue(m, message.header);
    sink.value(intValue(h, header.id));
    sink.value(enumNumber(h, header.rcode));
    int questions = count(m, message.questions);
    int answers = count(m, message.answers);
    sink.value(questions);
    sink.value(answers);
    sink.value(count(m, message.authorities));
    sink.value(count(m, message.additionals));
    if (questions > 0) {
      sink.value(stringValue(messageElement(m, message.questions, 0), question.name));
    }
    if (answers > 0) {
      sink.value(stringValue(messageElement(m, message.answers, 0), record.name));
    }
    ttls(m, message.answers, sink);
    ttls(m, message.authorities, sink);
    ttls(m, message.additionals, sink);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    DynamicMessage m = DynamicMessages.parse(dnsMessageType, bytes);
    boolean hasHeader = has(m, message.header);
    sink.value(hasHeader);
    if (hasHeader) {
      header(messageValue(m, message.header), sink);
    }
    int questions = count(m, message.questions);
    sink.value(questions);
    for (int i = 0; i < questions; i++) {
      question(messageElement(m, message.questions, i), sink);
    }
    records(m, message.answers, sink);
    records(m, message.authorities, sink);
    records(m, message.additionals, sink);
    boolean hasEdns = has(m, message.edns);
    sink.value(hasEdns);
    if (hasEdns) {
      edns(messageValue(m, message.edns), sink);
    }
  }

  private void ttls(Message m, FieldDescriptor section, FieldSink sink) {
    int n = count(m, section);
    for (int i = 0; i < n; i++) {
      sink.value(intValue(messageElement(m, section, i), record.ttl));
    }
  }

  private void header(Message h, FieldSink sink) {
    sink.value(intValue(h, header.id));
    sink.value(intValue(h, header.flags));
    sink.value(enumNumber(h, header.opcode));
    sink.value(enumNumber(h, header.rcode));
  }

  private void question(Message q, FieldSink sink) {
    sink.value(stringValue(q, question.name));
    sink.value(intValue(q, question.qtype));
    sink.value(intValue(q, question.qclass));
  }

  private void records(Message m, FieldDescriptor section, FieldSink sink) {
    int n = count(m, section);
    sink.value(n);
    for (int i = 0; i < n; i++) {
      record(messageElement(m, section, i), sink);
    }
  }

  private void record(Message r, FieldSink sink) {
    RecordFields f = record;
    sink.value(stringValue(r, f.name));
    sink.value(intValue(r, f.type));
    sink.value(intValue(r, f.rclass));
    sink.value(intValue(r, f.ttl));
    FieldDescriptor rdata = r.getOneofFieldDescriptor(f.rdata);
    if (rdata == null) {
      sink.value(0);
      return;
    }
    sink.value(rdata.getNumber());
    if (rdata == f.a) {
      sink.value(intValue(r, f.a));
    } else if (rdata == f.mx) {
      Message mx = messageValue(r, f.mx);
      sink.value(intValue(mx, f.mxPreference));
      sink.value(stringValue(mx, f.mxExchange));
    } else if (rdata == f.txt) {
      txt(messageValue(r, f.txt), sink);
    } else if (rdata == f.soa) {
      soa(messageValue(r, f.soa), sink);
    } else {
      // aaaa and raw (ByteString), cname, ns and ptr (String): the value as DynamicMessage holds it
      sink.value(r.getField(rdata));
    }
  }

  private void txt(Message txt, FieldSink sink) {
    int n = count(txt, record.txtStrings);
    sink.value(n);
    for (int i = 0; i < n; i++) {
      sink.value(bytesElement(txt, record.txtStrings, i));
    }
  }

  private void soa(Message soa, FieldSink sink) {
    RecordFields f = record;
    sink.value(stringValue(soa, f.soaMname));
    sink.value(stringValue(soa, f.soaRname));
    sink.value(intValue(soa, f.soaSerial));
    sink.value(intValue(soa, f.soaRefresh));
    sink.value(intValue(soa, f.soaRetry));
    sink.value(intValue(soa, f.soaExpire));
    sink.value(intValue(soa, f.soaMinimum));
  }

  private void edns(Message e, FieldSink sink) {
    EdnsFields f = edns;
    sink.value(intValue(e, f.udpPayloadSize));
    sink.value(intValue(e, f.extendedRcode));
    sink.value(intValue(e, f.version));
    sink.value(boolValue(e, f.dnssecOk));
    int n = count(e, f.options);
    sink.value(n);
    for (int i = 0; i < n; i++) {
      Message option = messageElement(e, f.options, i);
      sink.value(intValue(option, f.optionCode));
      sink.value(bytesValue(option, f.optionData));
    }
  }

  /** {@code DnsMessage}'s fields. */
  private static final class MessageFields {
    final FieldDescriptor header;
    final FieldDescriptor questions;
    final FieldDescriptor answers;
    final FieldDescriptor authorities;
    final FieldDescriptor additionals;
    final FieldDescriptor edns;

    MessageFields(Descriptor type) {
      header = field(type, "header", JavaType.MESSAGE);
      questions = field(type, "questions", JavaType.MESSAGE);
      answers = field(type, "answers", JavaType.MESSAGE);
      authorities = field(type, "authorities", JavaType.MESSAGE);
      additionals = field(type, "additionals", JavaType.MESSAGE);
      edns = field(type, "edns", JavaType.MESSAGE);
    }
  }

  /** {@code Header}'s fields. */
  private static final class HeaderFields {
    final FieldDescriptor id;
    final FieldDescriptor flags;
    final FieldDescriptor opcode;
    final FieldDescriptor rcode;

    HeaderFields(Descriptor type) {
      id = field(type, "id", JavaType.INT);
      flags = field(type, "flags", JavaType.INT);
      opcode = field(type, "opcode", JavaType.ENUM);
      rcode = field(type, "rcode", JavaType.ENUM);
    }
  }

  /** {@code Question}'s fields. */
  private static final class QuestionFields {
    final FieldDescriptor name;
    final FieldDescriptor qtype;
    final FieldDescriptor qclass;

    QuestionFields(Descriptor type) {
      name = field(type, "name", JavaType.STRING);
      qtype = field(type, "qtype", JavaType.INT);
      qclass = field(type, "qclass", JavaType.INT);
    }
  }

  /** {@code ResourceRecord}'s fields and those of the message types in its {@code rdata} oneof. */
  private static final class RecordFields {
    final FieldDescriptor name;
    final FieldDescriptor type;
    final FieldDescriptor rclass;
    final FieldDescriptor ttl;
    final OneofDescriptor rdata;
    final FieldDescriptor a;
    final FieldDescriptor mx;
    final FieldDescriptor txt;
    final FieldDescriptor soa;
    final FieldDescriptor mxPreference;
    final FieldDescriptor mxExchange;
    final FieldDescriptor txtStrings;
    final FieldDescriptor soaMname;
    final FieldDescriptor soaRname;
    final FieldDescriptor soaSerial;
    final FieldDescriptor soaRefresh;
    final FieldDescriptor soaRetry;
    final FieldDescriptor soaExpire;
    final FieldDescriptor soaMinimum;

    RecordFields(ReflectiveSchema schema) {
      Descriptor record = schema.messageType(PACKAGE + "ResourceRecord");
      name = field(record, "name", JavaType.STRING);
      type = field(record, "type", JavaType.INT);
      rclass = field(record, "rclass", JavaType.INT);
      ttl = field(record, "ttl", JavaType.INT);
      rdata = DynamicMessages.oneof(record, "rdata");
      a = field(record, "a", JavaType.INT);
      mx = field(record, "mx", JavaType.MESSAGE);
      txt = field(record, "txt", JavaType.MESSAGE);
      soa = field(record, "soa", JavaType.MESSAGE);
      Descriptor mxData = schema.messageType(PACKAGE + "MxData");
      mxPreference = field(mxData, "preference", JavaType.INT);
      mxExchange = field(mxData, "exchange", JavaType.STRING);
      txtStrings = field(schema.messageType(PACKAGE + "TxtData"), "strings", JavaType.BYTE_STRING);
      Descriptor soaData = schema.messageType(PACKAGE + "SoaData");
      soaMname = field(soaData, "mname", JavaType.STRING);
      soaRname = field(soaData, "rname", JavaType.STRING);
      soaSerial = field(soaData, "serial", JavaType.INT);
      soaRefresh = field(soaData, "refresh", JavaType.INT);
      soaRetry = field(soaData, "retry", JavaType.INT);
      soaExpire = field(soaData, "expire", JavaType.INT);
      soaMinimum = field(soaData, "minimum", JavaType.INT);
    }
  }

  /** {@code Edns}'s and {@code EdnsOption}'s fields. */
  private static final class EdnsFields {
    final FieldDescriptor udpPayloadSize;
    final FieldDescriptor extendedRcode;
    final FieldDescriptor version;
    final FieldDescriptor dnssecOk;
    final FieldDescriptor options;
    final FieldDescriptor optionCode;
    final FieldDescriptor optionData;

    EdnsFields(ReflectiveSchema schema) {
      Descriptor type = schema.messageType(PACKAGE + "Edns");
      udpPayloadSize = field(type, "udp_payload_size", JavaType.INT);
      extendedRcode = field(type, "extended_rcode", JavaType.INT);
      version = field(type, "version", JavaType.INT);
      dnssecOk = field(type, "dnssec_ok", JavaType.BOOLEAN);
      options = field(type, "options", JavaType.MESSAGE);
      Descriptor option = schema.messageType(PACKAGE + "EdnsOption");
      optionCode = field(option, "code", JavaType.INT);
      optionData = field(option, "data", JavaType.BYTE_STRING);
    }
  }
}
