package dev.protodec.jmh.otlp;

import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.jmh.BufferReader;
import dev.protodec.jmh.otlp.fast.common.v1.AnyValue;
import dev.protodec.jmh.otlp.fast.common.v1.ArrayValue;
import dev.protodec.jmh.otlp.fast.common.v1.EntityRef;
import dev.protodec.jmh.otlp.fast.common.v1.InstrumentationScope;
import dev.protodec.jmh.otlp.fast.common.v1.KeyValue;
import dev.protodec.jmh.otlp.fast.resource.v1.Resource;
import dev.protodec.jmh.otlp.fast.trace.v1.ResourceSpans;
import dev.protodec.jmh.otlp.fast.trace.v1.ScopeSpans;
import dev.protodec.jmh.otlp.fast.trace.v1.Span;
import dev.protodec.jmh.otlp.fast.trace.v1.Status;
import dev.protodec.jmh.otlp.fast.trace.v1.TracesData;
import dev.protodec.runtime.ProtoReader;
import dev.protodec.runtime.RepeatedMessage;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * protodec's OTLP classes ({@code dev.protodec.jmh.otlp.fast}, generated here with {@code
 * replacePackages}) used four ways: a reused message or a fresh one per call, from a {@code byte[]} or a
 * direct {@link ByteBuffer}. Light reads push names as {@code Utf8String} (no decoding) and ids as
 * {@code ProtoBytes}.
 */
public final class ProtodecTracesReaders {
  private ProtodecTracesReaders() {}

  /** One {@link ProtoReader} and one message, cleared and refilled per call. Not thread-safe. */
  public static TracesDataReader reused() {
    return reused(false);
  }

  /**
   * As {@link #reused()}, the reader in zero-copy mode: strings and bytes refer to the input, UTF-8 is
   * checked when a string is first decoded. Not thread-safe.
   */
  public static TracesDataReader zeroCopy() {
    return reused(true);
  }

  private static TracesDataReader reused(boolean zeroCopy) {
    return new TracesDataReader() {
      private final ProtoReader reader = ProtoReader.newInstance().setZeroCopy(zeroCopy);
      private final TracesData reused = TracesData.newInstance();

      @Override
      public String name() {
        return zeroCopy ? "protodec (zero-copy)" : "protodec";
      }

      @Override
      public void readLight(byte[] message, FieldSink sink) throws IOException {
        reused.clear();
        light(reader.wrap(message).parseInto(reused), sink);
      }

      @Override
      public void readDeep(byte[] message, FieldSink sink) throws IOException {
        reused.clear();
        deep(reader.wrap(message).parseInto(reused), sink);
      }
    };
  }

  /** {@code TracesData.parseFrom(bytes)}: a new message tree per call. */
  public static TracesDataReader fresh() {
    return new TracesDataReader() {
      @Override
      public String name() {
        return "protodec (fresh message)";
      }

      @Override
      public void readLight(byte[] message, FieldSink sink) throws IOException {
        light(TracesData.parseFrom(message), sink);
      }

      @Override
      public void readDeep(byte[] message, FieldSink sink) throws IOException {
        deep(TracesData.parseFrom(message), sink);
      }
    };
  }

  /** {@code TracesData.parseFrom(buffer)}: a new message (and scratch copy) per call. */
  public static BufferReader directFresh() {
    return new BufferReader() {
      @Override
      public String name() {
        return "protodec (direct ByteBuffer, fresh message)";
      }

      @Override
      public void readLight(ByteBuffer message, FieldSink sink) throws IOException {
        light(TracesData.parseFrom(message), sink);
      }

      @Override
      public void readDeep(ByteBuffer message, FieldSink sink) throws IOException {
        deep(TracesData.parseFrom(message), sink);
      }
    };
  }

  /** A reused reader (and its scratch array) and message. Not thread-safe. */
  public static BufferReader directReused() {
    return new BufferReader() {
      private final ProtoReader reader = ProtoReader.newInstance();
      private final TracesData reused = TracesData.newInstance();

      @Override
      public String name() {
        return "protodec (direct ByteBuffer, reused message)";
      }

      @Override
      public void readLight(ByteBuffer message, FieldSink sink) throws IOException {
        reused.clear();
        light(reader.wrap(message).parseInto(reused), sink);
      }

      @Override
      public void readDeep(ByteBuffer message, FieldSink sink) throws IOException {
        reused.clear();
        deep(reader.wrap(message).parseInto(reused), sink);
      }
    };
  }

  static void light(TracesData m, FieldSink sink) {
    RepeatedMessage<ResourceSpans> resources = m.getResourceSpansList();
    sink.value(resources.size());
    int spans = 0;
    for (int r = 0; r < resources.size(); r++) {
      RepeatedMessage<ScopeSpans> scopes = resources.get(r).getScopeSpansList();
      for (int s = 0; s < scopes.size(); s++) {
        RepeatedMessage<Span> list = scopes.get(s).getSpansList();
        for (int i = 0; i < list.size(); i++) {
          Span span = list.get(i);
          sink.value(span.getTraceId());
          sink.value(span.getNameUtf8());
        }
        spans += list.size();
      }
    }
    sink.value(spans);
  }

  static void deep(TracesData m, FieldSink sink) {
    RepeatedMessage<ResourceSpans> resources = m.getResourceSpansList();
    sink.value(resources.size());
    for (int i = 0; i < resources.size(); i++) {
      ResourceSpans r = resources.get(i);
      sink.value(r.hasResource());
      if (r.hasResource()) {
        resource(r.getResource(), sink);
      }
      RepeatedMessage<ScopeSpans> scopes = r.getScopeSpansList();
      sink.value(scopes.size());
      for (int s = 0; s < scopes.size(); s++) {
        scopeSpans(scopes.get(s), sink);
      }
      sink.value(r.getSchemaUrl());
    }
  }

  private static void resource(Resource r, FieldSink sink) {
    keyValues(r.getAttributesList(), sink);
    sink.value(r.getDroppedAttributesCount());
    sink.value(r.getEntityRefsCount());
    for (int i = 0; i < r.getEntityRefsCount(); i++) {
      EntityRef e = r.getEntityRefs(i);
      sink.value(e.getSchemaUrl());
      sink.value(e.getType());
      sink.value(e.getIdKeysCount());
      for (int k = 0; k < e.getIdKeysCount(); k++) {
        sink.value(e.getIdKeys(k));
      }
      sink.value(e.getDescriptionKeysCount());
      for (int k = 0; k < e.getDescriptionKeysCount(); k++) {
        sink.value(e.getDescriptionKeys(k));
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
    RepeatedMessage<Span> spans = s.getSpansList();
    sink.value(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      span(spans.get(i), sink);
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
    for (int i = 0; i < s.getEventsCount(); i++) {
      Span.Event e = s.getEvents(i);
      sink.value(e.getTimeUnixNano());
      sink.value(e.getName());
      keyValues(e.getAttributesList(), sink);
      sink.value(e.getDroppedAttributesCount());
    }
    sink.value(s.getDroppedEventsCount());
    sink.value(s.getLinksCount());
    for (int i = 0; i < s.getLinksCount(); i++) {
      Span.Link l = s.getLinks(i);
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

  private static void keyValues(RepeatedMessage<KeyValue> keyValues, FieldSink sink) {
    sink.value(keyValues.size());
    for (int i = 0; i < keyValues.size(); i++) {
      KeyValue kv = keyValues.get(i);
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
        ArrayValue array = v.getArrayValue();
        sink.value(array.getValuesCount());
        for (int i = 0; i < array.getValuesCount(); i++) {
          anyValue(array.getValues(i), sink);
        }
      }
      case KVLIST_VALUE -> keyValues(v.getKvlistValue().getValuesList(), sink);
      case BYTES_VALUE -> sink.value(v.getBytesValue());
      default -> { } // VALUE_NOT_SET: the case number 0 was all
    }
  }
}
