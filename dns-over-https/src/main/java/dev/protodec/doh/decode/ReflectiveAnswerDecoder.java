package dev.protodec.doh.decode;

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

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.protodec.dns.schema.DnsSchema;
import dev.protodec.doh.answer.AnswerWriter;
import dev.protodec.doh.answer.UnwritableRecordException;
import dev.protodec.doh.query.ParsedQuery;
import dev.protodec.reflective.DynamicMessages;
import dev.protodec.reflective.ReflectiveSchema;
import java.io.IOException;

/**
 * Decodes with {@link DynamicMessage}, the reflective path at its best: the schema comes from the
 * descriptor set resource ({@link DnsSchema#DESCRIPTOR_SET}), every {@link FieldDescriptor} is looked up
 * once in the constructor, and each hit is parsed with {@code DynamicMessage.parseFrom} and read through
 * those descriptors only. Names are the {@code String}s DynamicMessage decoded, handed to the writer as
 * {@link CharSequence}s; bytes are copied out of their {@code ByteString}s into a per-thread array.
 */
public final class ReflectiveAnswerDecoder implements CachedAnswerDecoder {
  private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[][] {new byte[512]});

  private final Descriptor dnsMessage;
  private final FieldDescriptor header;
  private final FieldDescriptor answers;
  private final FieldDescriptor authorities;
  private final FieldDescriptor additionals;
  private final FieldDescriptor edns;
  private final FieldDescriptor headerFlags;
  private final FieldDescriptor headerOpcode;
  private final FieldDescriptor headerRcode;
  private final FieldDescriptor name;
  private final FieldDescriptor type;
  private final FieldDescriptor rclass;
  private final FieldDescriptor ttl;
  private final OneofDescriptor rdata;
  private final FieldDescriptor a;
  private final FieldDescriptor aaaa;
  private final FieldDescriptor cname;
  private final FieldDescriptor ns;
  private final FieldDescriptor ptr;
  private final FieldDescriptor mx;
  private final FieldDescriptor txt;
  private final FieldDescriptor soa;
  private final FieldDescriptor raw;
  private final FieldDescriptor mxPreference;
  private final FieldDescriptor mxExchange;
  private final FieldDescriptor txtStrings;
  private final FieldDescriptor soaMname;
  private final FieldDescriptor soaRname;
  private final FieldDescriptor[] soaTimers;
  private final FieldDescriptor ednsOptions;
  private final FieldDescriptor optionCode;
  private final FieldDescriptor optionData;

  /** Loads the schema from {@link DnsSchema#DESCRIPTOR_SET}. */
  public ReflectiveAnswerDecoder() {
    this(DnsSchema.load());
  }

  /** Decodes with the message types of {@code schema}, which must hold {@code protodec/dns/v1/dns.proto}. */
  public ReflectiveAnswerDecoder(ReflectiveSchema schema) {
    String p = DnsSchema.PACKAGE;
    dnsMessage = schema.messageType(p + "DnsMessage");
    header = field(dnsMessage, "header", JavaType.MESSAGE);
    answers = field(dnsMessage, "answers", JavaType.MESSAGE);
    authorities = field(dnsMessage, "authorities", JavaType.MESSAGE);
    additionals = field(dnsMessage, "additionals", JavaType.MESSAGE);
    edns = field(dnsMessage, "edns", JavaType.MESSAGE);
    Descriptor h = schema.messageType(p + "Header");
    headerFlags = field(h, "flags", JavaType.INT);
    headerOpcode = field(h, "opcode", JavaType.ENUM);
    headerRcode = field(h, "rcode", JavaType.ENUM);
    Descriptor r = schema.messageType(p + "ResourceRecord");
    name = field(r, "name", JavaType.STRING);
    type = field(r, "type", JavaType.INT);
    rclass = field(r, "rclass", JavaType.INT);
    ttl = field(r, "ttl", JavaType.INT);
    rdata = DynamicMessages.oneof(r, "rdata");
    a = field(r, "a", JavaType.INT);
    aaaa = field(r, "aaaa", JavaType.BYTE_STRING);
    cname = field(r, "cname", JavaType.STRING);
    ns = field(r, "ns", JavaType.STRING);
    ptr = field(r, "ptr", JavaType.STRING);
    mx = field(r, "mx", JavaType.MESSAGE);
    txt = field(r, "txt", JavaType.MESSAGE);
    soa = field(r, "soa", JavaType.MESSAGE);
    raw = field(r, "raw", JavaType.BYTE_STRING);
    Descriptor mxData = schema.messageType(p + "MxData");
    mxPreference = field(mxData, "preference", JavaType.INT);
    mxExchange = field(mxData, "exchange", JavaType.STRING);
    txtStrings = field(schema.messageType(p + "TxtData"), "strings", JavaType.BYTE_STRING);
    Descriptor soaData = schema.messageType(p + "SoaData");
    soaMname = field(soaData, "mname", JavaType.STRING);
    soaRname = field(soaData, "rname", JavaType.STRING);
    soaTimers = new FieldDescriptor[] {
      field(soaData, "serial", JavaType.INT), field(soaData, "refresh", JavaType.INT),
      field(soaData, "retry", JavaType.INT), field(soaData, "expire", JavaType.INT),
      field(soaData, "minimum", JavaType.INT),
    };
    Descriptor e = schema.messageType(p + "Edns");
    ednsOptions = field(e, "options", JavaType.MESSAGE);
    Descriptor option = schema.messageType(p + "EdnsOption");
    optionCode = field(option, "code", JavaType.INT);
    optionData = field(option, "data", JavaType.BYTE_STRING);
  }

  @Override
  public String name() {
    return "reflective";
  }

  @Override
  public void write(byte[] payload, ParsedQuery query, int udpPayloadSize, int elapsedSeconds, int ttlOverride,
      AnswerWriter out) throws IOException {
    DynamicMessage m = DynamicMessages.parse(dnsMessage, payload);
    try {
      writeParsed(m, query, udpPayloadSize, elapsedSeconds, ttlOverride, out);
    } catch (UnwritableRecordException e) {
      throw new CorruptEntryException("a cached entry DNS cannot carry: " + e.getMessage(), e);
    }
  }

  private void writeParsed(DynamicMessage m, ParsedQuery query, int udpPayloadSize, int elapsedSeconds,
      int ttlOverride, AnswerWriter out) throws CorruptEntryException {
    Message h = messageValue(m, header);
    int rcode = enumNumber(h, headerRcode);
    out.begin(query, intValue(h, headerFlags), enumNumber(h, headerOpcode), rcode, true, elapsedSeconds,
        ttlOverride);
    section(m, answers, AnswerWriter.ANSWER, out);
    section(m, authorities, AnswerWriter.AUTHORITY, out);
    section(m, additionals, AnswerWriter.ADDITIONAL, out);
    if (query.hasEdns()) {
      out.beginEdns(udpPayloadSize, rcode >> 4, query.dnssecOk());
      if (has(m, edns)) {
        Message e = messageValue(m, edns);
        int n = count(e, ednsOptions);
        for (int i = 0; i < n; i++) {
          Message option = messageElement(e, ednsOptions, i);
          if (intValue(option, optionCode) == OPTION_EDE) {
            ByteString data = bytesValue(option, optionData);
            byte[] copy = copied(data);
            out.ednsOption(OPTION_EDE, copy, 0, data.size());
          }
        }
      }
    }
  }

  private void section(Message m, FieldDescriptor section, int number, AnswerWriter out)
      throws CorruptEntryException {
    int n = count(m, section);
    for (int i = 0; i < n; i++) {
      record(messageElement(m, section, i), number, out);
    }
  }

  private void record(Message r, int section, AnswerWriter out) throws CorruptEntryException {
    FieldDescriptor set = r.getOneofFieldDescriptor(rdata);
    int recordType = intValue(r, type);
    RdataRules.check(recordType, set == null ? RdataRules.NONE : set.getNumber(),
        set == aaaa ? bytesValue(r, aaaa).size() : 0);
    out.record(section, stringValue(r, name), recordType, intValue(r, rclass), intValue(r, ttl));
    if (set == a) {
      out.u32(intValue(r, a));
    } else if (set == aaaa || set == raw) {
      bytes(bytesValue(r, set), out);
    } else if (set == cname || set == ns || set == ptr) {
      out.name(stringValue(r, set));
    } else if (set == mx) {
      Message v = messageValue(r, mx);
      out.u16(intValue(v, mxPreference));
      out.name(stringValue(v, mxExchange));
    } else if (set == txt) {
      Message v = messageValue(r, txt);
      int n = count(v, txtStrings);
      for (int i = 0; i < n; i++) {
        ByteString s = bytesElement(v, txtStrings, i);
        out.characterString(copied(s), 0, s.size());
      }
    } else if (set == soa) {
      Message v = messageValue(r, soa);
      out.name(stringValue(v, soaMname));
      out.name(stringValue(v, soaRname));
      for (FieldDescriptor timer : soaTimers) {
        out.u32(intValue(v, timer));
      }
    }
    out.endRecord();
  }

  private static void bytes(ByteString bytes, AnswerWriter out) {
    out.bytes(copied(bytes), 0, bytes.size());
  }

  /** {@code bytes} copied into this thread's scratch array (grown if needed), which is returned. */
  private static byte[] copied(ByteString bytes) {
    byte[][] holder = SCRATCH.get();
    if (holder[0].length < bytes.size()) {
      holder[0] = new byte[Math.max(bytes.size(), holder[0].length * 2)];
    }
    bytes.copyTo(holder[0], 0);
    return holder[0];
  }
}
