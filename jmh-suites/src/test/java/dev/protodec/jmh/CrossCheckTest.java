package dev.protodec.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.dns.corpus.DnsCorpus;
import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.jmh.dns.ProtobufJavaDnsMessageReader;
import dev.protodec.runtime.ProtoBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cross-check itself: it must catch a contender that reads or writes something else. */
class CrossCheckTest {
  private final DnsCorpus corpus = DnsCorpus.generate(50);
  private final byte[][] messages = corpus.encoded();
  private final ProtobufJavaDnsMessageReader reference = new ProtobufJavaDnsMessageReader();

  @Test
  void aReaderThatGetsOneValueWrongIsNamedWithTheMessageAndTheValue() {
    CorpusRead offByOne = (i, sink) -> reference.readLight(messages[i], i == 7 ? new EveryIntPlusOne(sink) : sink);
    CrossCheck.ContenderDisagrees e = assertThrows(CrossCheck.ContenderDisagrees.class,
        () -> CrossCheck.decoders("Test", messages.length, (i, sink) -> reference.readLight(messages[i], sink),
            Map.of("offByOne", offByOne)));
    assertTrue(e.getMessage().contains("offByOne"), e.getMessage());
    assertTrue(e.getMessage().contains("message 7"), e.getMessage());
  }

  @Test
  void aReaderThatStopsEarlyIsCaught() {
    CorpusRead nothing = (i, sink) -> { };
    assertThrows(CrossCheck.ContenderDisagrees.class,
        () -> CrossCheck.decoders("Test", messages.length, (i, sink) -> reference.readLight(messages[i], sink),
            Map.of("nothing", nothing)));
  }

  @Test
  void anEncoderThatDropsAFieldIsCaught() {
    CorpusWrite noHeader = i -> DnsMessage.parseFrom(messages[i]).toBuilder().clearHeader().build().toByteArray();
    assertThrows(CrossCheck.ContenderDisagrees.class,
        () -> CrossCheck.encoders("Test", messages, Map.of("noHeader", noHeader), DnsMessage::parseFrom));
  }

  @Test
  void anEncoderThatOnlyReordersIsAcceptedAndReported() throws Exception {
    // the header (field 1) written after everything else: other bytes, same message
    CorpusWrite headerLast = i -> {
      DnsMessage m = DnsMessage.parseFrom(messages[i]);
      byte[] rest = m.toBuilder().clearHeader().build().toByteArray();
      byte[] header = DnsMessage.newBuilder().setHeader(m.getHeader()).build().toByteArray();
      byte[] out = new byte[rest.length + header.length];
      System.arraycopy(rest, 0, out, 0, rest.length);
      System.arraycopy(header, 0, out, rest.length, header.length);
      return out;
    };
    String summary = CrossCheck.encoders("Test", messages, Map.of("headerLast", headerLast), DnsMessage::parseFrom);
    assertTrue(summary.contains("equal after parsing"), summary);
  }

  @Test
  void stringAndBytesRepresentationsNormaliseAlike() {
    RecordingSink sink = new RecordingSink();
    sink.value("a.");
    sink.value(dev.protodec.runtime.Utf8String.of("a."));
    sink.value(us.hebi.quickbuf.Utf8String.newInstance("a."));
    sink.value(new byte[] {1, (byte) 0xab});
    sink.value(ProtoBytes.of(new byte[] {1, (byte) 0xab}));
    sink.value(com.google.protobuf.ByteString.copyFrom(new byte[] {1, (byte) 0xab}));
    sink.value(okio.ByteString.of((byte) 1, (byte) 0xab));
    sink.value(us.hebi.quickbuf.RepeatedByte.newInstance(new byte[] {1, (byte) 0xab}));
    assertEquals(List.of("text:a.", "text:a.", "text:a.", "hex:01ab", "hex:01ab", "hex:01ab", "hex:01ab", "hex:01ab"),
        sink.values());
    assertThrows(IllegalArgumentException.class, () -> sink.value(Integer.valueOf(1)));
  }

  /** Passes everything through, but every int plus one (ids, counts, TTLs). */
  private static final class EveryIntPlusOne implements FieldSink {
    private final FieldSink sink;

    EveryIntPlusOne(FieldSink sink) {
      this.sink = sink;
    }

    @Override
    public void value(int v) {
      sink.value(v + 1);
    }

    @Override
    public void value(long v) {
      sink.value(v);
    }

    @Override
    public void value(boolean v) {
      sink.value(v);
    }

    @Override
    public void value(Object v) {
      sink.value(v);
    }
  }
}
