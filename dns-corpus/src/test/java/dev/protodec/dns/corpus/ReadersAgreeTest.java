package dev.protodec.dns.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.Header;
import dev.protodec.dns.v1.Question;
import dev.protodec.dns.v1.ResourceRecord;
import dev.protodec.reflective.ReflectiveSchema;
import dev.protodec.runtime.Utf8String;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every corpus message, read by both readers, gives the sequence the contract defines, computed
 * independently from the protobuf-java message the corpus encoded. One reader instance of each kind
 * reads the whole corpus, so state kept between messages is exercised too.
 */
class ReadersAgreeTest {
  private static final DnsCorpus CORPUS = DnsCorpus.generate();

  private final DnsMessageReader generated = new GeneratedDnsMessageReader();
  private final DnsMessageReader zeroCopy = new GeneratedDnsMessageReader(true);
  private final DnsMessageReader reflective = new ReflectiveDnsMessageReader();

  @FunctionalInterface
  private interface Read {
    void read(DnsMessageReader reader, byte[] message, FieldSink sink) throws IOException;
  }

  @Test
  void lightSequencesAreTheContractsForEveryMessage() throws IOException {
    for (int i = 0; i < CORPUS.size(); i++) {
      RecordingSink expected = new RecordingSink();
      CanonicalWalk.light(CORPUS.messages().get(i), expected);
      assertEquals(expected.values(), record(generated, DnsMessageReader::readLight, i), "protodec, " + i);
      assertEquals(expected.values(), record(zeroCopy, DnsMessageReader::readLight, i), "protodec zero-copy, " + i);
      assertEquals(expected.values(), record(reflective, DnsMessageReader::readLight, i), "DynamicMessage, " + i);
    }
  }

  @Test
  void deepSequencesAreTheContractsForEveryMessage() throws IOException {
    for (int i = 0; i < CORPUS.size(); i++) {
      RecordingSink expected = new RecordingSink();
      CanonicalWalk.deep(CORPUS.messages().get(i), expected);
      assertEquals(expected.values(), record(generated, DnsMessageReader::readDeep, i), "protodec, " + i);
      assertEquals(expected.values(), record(zeroCopy, DnsMessageReader::readDeep, i), "protodec zero-copy, " + i);
      assertEquals(expected.values(), record(reflective, DnsMessageReader::readDeep, i), "DynamicMessage, " + i);
    }
  }

  @Test
  void reusedGeneratedReaderForgetsTheMessageBefore() throws IOException {
    // backwards, and alternating light and deep: a larger or richer message before a smaller one
    for (int i = CORPUS.size() - 1; i >= 0; i--) {
      RecordingSink expected = new RecordingSink();
      Read read = i % 2 == 0 ? DnsMessageReader::readDeep : DnsMessageReader::readLight;
      if (i % 2 == 0) {
        CanonicalWalk.deep(CORPUS.messages().get(i), expected);
      } else {
        CanonicalWalk.light(CORPUS.messages().get(i), expected);
      }
      assertEquals(expected.values(), record(generated, read, i), "message " + i);
      assertEquals(expected.values(), record(zeroCopy, read, i), "zero-copy, message " + i);
    }
  }

  @Test
  void deepSequenceFollowsTheContractsLayout() throws IOException {
    DnsMessage m = DnsMessage.newBuilder()
        .setHeader(Header.newBuilder().setId(7).setFlags(0x8180))
        .addQuestions(Question.newBuilder().setName("example.com.").setQtype(1).setQclass(1))
        .addAnswers(ResourceRecord.newBuilder().setName("example.com.").setType(1).setRclass(1)
            .setTtl(-1).setA(0x5db8d822))
        .addAdditionals(ResourceRecord.newBuilder().setName("x."))
        .build();
    List<String> expected = List.of(
        "z:true", "i:7", "i:33152", "i:0", "i:0",
        "i:1", "s:example.com.", "i:1", "i:1",
        "i:1", "s:example.com.", "i:1", "i:1", "i:-1", "i:5", "i:1572395042",
        "i:0",
        "i:1", "s:x.", "i:0", "i:0", "i:0", "i:0",
        "z:false");
    for (DnsMessageReader reader : List.of(generated, reflective)) {
      RecordingSink sink = new RecordingSink();
      reader.readDeep(m.toByteArray(), sink);
      assertEquals(expected, sink.values(), reader.name());
    }
  }

  @Test
  void generatedLightReadPushesUtf8NamesUndecoded() throws IOException {
    List<Class<?>> pushed = new ArrayList<>();
    FieldSink classes = new FieldSink() {
      @Override public void value(int v) {}

      @Override public void value(long v) {}

      @Override public void value(boolean v) {}

      @Override public void value(Object v) {
        pushed.add(v.getClass());
      }
    };
    for (int i = 0; i < 50; i++) {
      generated.readLight(CORPUS.encoded(i), classes);
    }
    assertFalse(pushed.isEmpty());
    assertTrue(pushed.stream().allMatch(c -> c == Utf8String.class), pushed.toString());
  }

  @Test
  void truncatedMessageIsRejectedByBothReaders() {
    for (int i = 0; i < 100; i++) {
      // every top-level field is a message, so a message without its last byte always ends mid-field
      byte[] encoded = CORPUS.encoded(i);
      byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1);
      for (DnsMessageReader reader : List.of(generated, reflective)) {
        RecordingSink sink = new RecordingSink();
        String what = reader.name() + ", message " + i;
        assertThrows(IOException.class, () -> reader.readLight(truncated, sink), what);
        assertThrows(IOException.class, () -> reader.readDeep(truncated, sink), what);
      }
    }
  }

  @Test
  void readersNameTheirLibraries() {
    assertEquals("protodec", generated.name());
    assertEquals("DynamicMessage", reflective.name());
  }

  @Test
  void descriptorSetResourceDescribesTheSchemaWithoutGeneratedClasses() {
    ReflectiveSchema schema = ReflectiveSchema.fromResource(ReflectiveDnsMessageReader.DESCRIPTOR_SET);
    for (Descriptor generatedType : DnsMessage.getDescriptor().getFile().getMessageTypes()) {
      Descriptor loaded = schema.messageType(generatedType.getFullName());
      assertNotSame(generatedType, loaded);
      assertEquals(fields(generatedType), fields(loaded), generatedType.getFullName());
    }
  }

  /** Each field's name, number, type and label; protoc's set also has json_name, protobuf-java's not. */
  private static List<String> fields(Descriptor type) {
    return type.getFields().stream()
        .map(f -> f.getName() + "=" + f.getNumber() + " " + f.getType() + (f.isRepeated() ? " repeated" : ""))
        .collect(Collectors.toList());
  }

  private static List<String> record(DnsMessageReader reader, Read read, int index) throws IOException {
    RecordingSink sink = new RecordingSink();
    read.read(reader, CORPUS.encoded(index), sink);
    return sink.values();
  }
}
