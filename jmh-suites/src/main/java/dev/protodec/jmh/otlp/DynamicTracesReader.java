package dev.protodec.jmh.otlp;

import static dev.protodec.reflective.DynamicMessages.count;
import static dev.protodec.reflective.DynamicMessages.field;
import static dev.protodec.reflective.DynamicMessages.messageElement;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.reflective.DynamicMessages;
import dev.protodec.reflective.ReflectiveSchema;
import java.io.IOException;

/**
 * Reads with {@link DynamicMessage}, the reflective baseline: the schema comes from the descriptor set
 * protodec's plugin writes for this module ({@value #DESCRIPTOR_SET}), descriptors are looked up once,
 * light reads go through them and deep reads through a {@link ReflectiveWalk} planned once. Strings are
 * decoded while parsing, so light reads push {@link String} names; bytes are {@code ByteString}s.
 */
public final class DynamicTracesReader implements TracesDataReader {
  /** The class path resource with the OTLP trace schema (and its imports). */
  public static final String DESCRIPTOR_SET = "META-INF/protodec/protodec-jmh-suites.desc";

  private final Descriptor tracesData;
  private final FieldDescriptor resourceSpans;
  private final FieldDescriptor scopeSpans;
  private final FieldDescriptor spans;
  private final FieldDescriptor traceId;
  private final FieldDescriptor name;
  private final ReflectiveWalk deep;

  public DynamicTracesReader() {
    this(ReflectiveSchema.fromResource(DESCRIPTOR_SET));
  }

  public DynamicTracesReader(ReflectiveSchema schema) {
    tracesData = tracesData(schema);
    resourceSpans = field(tracesData, "resource_spans", JavaType.MESSAGE);
    scopeSpans = field(resourceSpans.getMessageType(), "scope_spans", JavaType.MESSAGE);
    spans = field(scopeSpans.getMessageType(), "spans", JavaType.MESSAGE);
    traceId = field(spans.getMessageType(), "trace_id", JavaType.BYTE_STRING);
    name = field(spans.getMessageType(), "name", JavaType.STRING);
    deep = new ReflectiveWalk(tracesData);
  }

  /** {@code TracesData} of {@code schema}. */
  public static Descriptor tracesData(ReflectiveSchema schema) {
    return schema.messageType("opentelemetry.proto.trace.v1.TracesData");
  }

  @Override
  public String name() {
    return "DynamicMessage";
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    DynamicMessage m = DynamicMessages.parse(tracesData, bytes);
    int resources = count(m, resourceSpans);
    sink.value(resources);
    int total = 0;
    for (int r = 0; r < resources; r++) {
      Message resource = messageElement(m, resourceSpans, r);
      int scopes = count(resource, scopeSpans);
      for (int s = 0; s < scopes; s++) {
        Message scope = messageElement(resource, scopeSpans, s);
        int n = count(scope, spans);
        for (int i = 0; i < n; i++) {
          Message span = messageElement(scope, spans, i);
          sink.value(span.getField(traceId));
          sink.value(span.getField(name));
        }
        total += n;
      }
    }
    sink.value(total);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    deep.walk(DynamicMessages.parse(tracesData, bytes), sink);
  }
}
