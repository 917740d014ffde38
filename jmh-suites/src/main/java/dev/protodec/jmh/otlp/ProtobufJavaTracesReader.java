package dev.protodec.jmh.otlp;

import dev.protodec.dns.corpus.FieldSink;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.EntityRef;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.io.IOException;
import java.util.List;

/**
 * Reads with the protobuf-java classes shipped in the opentelemetry-proto jar: {@code
 * TracesData.parseFrom(bytes)}, a new immutable message tree per call. The cross-checks' reference.
 */
public final class ProtobufJavaTracesReader implements TracesDataReader {
  @Override
  public String name() {
    return "protobuf-java";
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    TracesData m = TracesData.parseFrom(bytes);
    sink.value(m.getResourceSpansCount());
    int spans = 0;
    for (ResourceSpans resource : m.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        for (Span span : scope.getSpansList()) {
          sink.value(span.getTraceId());
          sink.value(span.getName());
          spans++;
        }
      }
    }
    sink.value(spans);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    TracesData m = TracesData.parseFrom(bytes);
    sink.value(m.getResourceSpansCount());
    for (ResourceSpans r : m.getResourceSpansList()) {
      sink.value(r.hasResource());
      if (r.hasResource()) {
        resource(r.getResource(), sink);
      }
      sink.value(r.getScopeSpansCount());
      for (ScopeSpans s : r.getScopeSpansList()) {
        scopeSpans(s, sink);
      }
      sink.value(r.getSchemaUrl());
    }
  }

  private static void resource(Resource r, FieldSink sink) {
    keyValues(r.getAttributesList(), sink);
    sink.value(r.getDroppedAttributesCount());
    sink.value(r.getEntityRefsCount());
    for (EntityRef e : r.getEntityRefsList()) {
      sink.value(e.getSchemaUrl());
      sink.value(e.getType());
      sink.value(e.getIdKeysCount());
      for (String key : e.getIdKeysList()) {
        sink.value(key);
      }
      sink.value(e.getDescriptionKeysCount());
      for (String key : e.getDescriptionKeysList()) {
        sink.value(key);
      }
    }
  }

  private static void scopeSpans(ScopeSpans s, FieldSink sink) {
    sink.value(s.hasScope());
    if (s.hasScope()) {
      InstrumentationScope scope = s.getScope();
      sink.value(scope.getName());
      sink.value(scope.getVersion());
      keyValues(scope.getAttributesList(), sink);
      sink.value(scope.getDroppedAttributesCount());
    }
    sink.value(s.getSpansCount());
    for (Span span : s.getSpansList()) {
      span(span, sink);
    }
    sink.value(s.getSchemaUrl());
  }

  private static void span(Span s, FieldSink sink) {
    sink.value(s.getTraceId());
    sink.value(s.getSpanId());
    sink.value(s.getTraceState());
    sink.value(s.getParentSpanId());
    sink.value(s.getName());
    sink.value(s.getKindValue());
    sink.value(s.getStartTimeUnixNano());
    sink.value(s.getEndTimeUnixNano());
    keyValues(s.getAttributesList(), sink);
    sink.value(s.getDroppedAttributesCount());
    sink.value(s.getEventsCount());
    for (Span.Event e : s.getEventsList()) {
      sink.value(e.getTimeUnixNano());
      sink.value(e.getName());
      keyValues(e.getAttributesList(), sink);
      sink.value(e.getDroppedAttributesCount());
    }
    sink.value(s.getDroppedEventsCount());
    sink.value(s.getLinksCount());
    for (Span.Link l : s.getLinksList()) {
      sink.value(l.getTraceId());
      sink.value(l.getSpanId());
      sink.value(l.getTraceState());
      keyValues(l.getAttributesList(), sink);
      sink.value(l.getDroppedAttributesCount());
      sink.value(l.getFlags());
    }
    sink.value(s.getDroppedLinksCount());
    sink.value(s.hasStatus());
    if (s.hasStatus()) {
      Status status = s.getStatus();
      sink.value(status.getMessage());
      sink.value(status.getCodeValue());
    }
    sink.value(s.getFlags());
  }

  private static void keyValues(List<KeyValue> keyValues, FieldSink sink) {
    sink.value(keyValues.size());
    for (KeyValue kv : keyValues) {
      sink.value(kv.getKey());
      sink.value(kv.hasValue());
      if (kv.hasValue()) {
        anyValue(kv.getValue(), sink);
      }
    }
  }

  private static void anyValue(AnyValue v, FieldSink sink) {
    AnyValue.ValueCase value = v.getValueCase();
    sink.value(value.getNumber());
    switch (value) {
      case STRING_VALUE -> sink.value(v.getStringValue());
      case BOOL_VALUE -> sink.value(v.getBoolValue());
      case INT_VALUE -> sink.value(v.getIntValue());
      case DOUBLE_VALUE -> sink.value(Double.doubleToRawLongBits(v.getDoubleValue()));
      case ARRAY_VALUE -> {
        sink.value(v.getArrayValue().getValuesCount());
        for (AnyValue element : v.getArrayValue().getValuesList()) {
          anyValue(element, sink);
        }
      }
      case KVLIST_VALUE -> keyValues(v.getKvlistValue().getValuesList(), sink);
      case BYTES_VALUE -> sink.value(v.getBytesValue());
      case VALUE_NOT_SET -> { } // the case number 0 was all
    }
  }
}
