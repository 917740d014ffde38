package dev.protodec.benchmark.harness;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of every generated benchmark class (one per message type): the corpus and the {@code
 * DynamicMessage} contender, and the cross-check over the generated reads. The subclass holds the JMH
 * annotations and one {@code @Benchmark} method per contender and question ({@code deep_}, {@code light_},
 * {@code encode_}); each invocation handles one corpus message, taken in turn, so ops/s are messages/s.
 * The fields are not final (JMH sample 10: the JIT must not treat them as constants).
 */
public abstract class SchemaBenchmark {
  /** The system property naming the run directory (descriptors.pb, corpus/). */
  public static final String DIRECTORY_PROPERTY = "protodec.benchmark.dir";

  protected byte[][] messages;
  protected Descriptor descriptor;
  protected DynamicMessage[] dynamicMessages;
  private int next;

  /** The corpus messages in turn, wrapping around. */
  protected final int nextIndex() {
    int index = next;
    next = index + 1 == messages.length ? 0 : index + 1;
    return index;
  }

  /** Reads the run directory of {@link #DIRECTORY_PROPERTY}; called by the subclass's trial set-up. */
  protected final void load(String type) {
    load(Path.of(System.getProperty(DIRECTORY_PROPERTY, "target/protodec-benchmark/run")), type);
  }

  public final void load(Path directory, String type) {
    try {
      descriptor = Schema.read(directory.resolve(BenchmarkMain.DESCRIPTORS)).message(type);
      messages = Corpus.prepared(directory.resolve("corpus").resolve(type + ".delimited"));
      dynamicMessages = new DynamicMessage[messages.length];
      for (int i = 0; i < messages.length; i++) {
        dynamicMessages[i] = DynamicMessage.parseFrom(descriptor, messages[i]);
      }
      prepareEncoders();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the corpus into each library's messages, for the encoders. */
  protected abstract void prepareEncoders() throws IOException;

  protected abstract void protobufJavaDeep(byte[] message, FieldSink sink) throws IOException;

  protected abstract void protodecFreshDeep(byte[] message, FieldSink sink) throws IOException;

  protected abstract void protodecReusedDeep(byte[] message, FieldSink sink) throws IOException;

  /** As {@link #protodecReusedDeep}, through a reader in zero-copy mode ({@code ProtoReader.setZeroCopy}). */
  protected abstract void protodecZeroCopyDeep(byte[] message, FieldSink sink) throws IOException;

  protected abstract byte[] protobufJavaEncode(int index);

  protected abstract byte[] protodecToByteArray(int index);

  protected abstract byte[] protodecReusedWriter(int index);

  /**
   * Refuses to run unless every contender reads, message by message and field by field, what
   * protobuf-java reads, and every encoder writes bytes that protobuf-java parses back to the same values.
   *
   * @return the line the report and summary print
   */
  public final String crossCheck(Corpus corpus) throws ContenderDisagrees {
    String type = descriptor.getFullName();
    Map<String, CrossCheck.Walk> decoders = new LinkedHashMap<>();
    decoders.put("dynamicMessage", (i, sink) -> DynamicWalk.deep(DynamicMessage.parseFrom(descriptor, messages[i]), sink));
    decoders.put("protodecFresh", (i, sink) -> protodecFreshDeep(messages[i], sink));
    decoders.put("protodecReused", (i, sink) -> protodecReusedDeep(messages[i], sink));
    decoders.put("protodecZeroCopy", (i, sink) -> protodecZeroCopyDeep(messages[i], sink));
    CrossCheck.decoders(corpus, type, (i, sink) -> protobufJavaDeep(messages[i], sink), decoders);

    Map<String, CrossCheck.Encode> encoders = new LinkedHashMap<>();
    encoders.put("dynamicMessage", i -> dynamicMessages[i].toByteArray());
    encoders.put("protobufJava", this::protobufJavaEncode);
    encoders.put("protodecToByteArray", this::protodecToByteArray);
    encoders.put("protodecReusedWriter", this::protodecReusedWriter);
    CrossCheck.encoders(corpus, type, new CrossCheck.BytesWalk() {
      @Override
      public void walk(int index, FieldSink sink) throws Exception {
        protobufJavaDeep(messages[index], sink);
      }

      @Override
      public void walkBytes(byte[] message, FieldSink sink) throws Exception {
        protobufJavaDeep(message, sink);
      }
    }, encoders);
    return type + ": " + messages.length + " messages agree: dynamicMessage, protodecFresh, protodecReused, protodecZeroCopy decode"
        + " to protobuf-java's values, field by field; dynamicMessage, protobufJava, protodecToByteArray,"
        + " protodecReusedWriter encode to bytes protobuf-java parses back to them";
  }
}
