package dev.protodec.jmh.otlp;

import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.jmh.otlp.quickbuf.common.v1.AnyValue;
import dev.protodec.jmh.otlp.quickbuf.common.v1.ArrayValue;
import dev.protodec.jmh.otlp.quickbuf.common.v1.EntityRef;
import dev.protodec.jmh.otlp.quickbuf.common.v1.InstrumentationScope;
import dev.protodec.jmh.otlp.quickbuf.common.v1.KeyValue;
import dev.protodec.jmh.otlp.quickbuf.resource.v1.Resource;
import dev.protodec.jmh.otlp.quickbuf.trace.v1.ResourceSpans;
import dev.protodec.jmh.otlp.quickbuf.trace.v1.ScopeSpans;
import dev.protodec.jmh.otlp.quickbuf.trace.v1.Span;
import dev.protodec.jmh.otlp.quickbuf.trace.v1.Status;
import dev.protodec.jmh.otlp.quickbuf.trace.v1.TracesData;
import java.io.IOException;
import us.hebi.quickbuf.ProtoSource;
import us.hebi.quickbuf.RepeatedMessage;

/**
 * Reads with QuickBuffers as its users do on a hot path: one {@link ProtoSource} and one {@link
 * TracesData}, cleared and refilled per message. The OTLP classes are generated with {@code
 * allocation=lazy} (the schema is recursive: {@code AnyValue} holds an {@code ArrayValue} of {@code
 * AnyValue}s) and {@code input_order=number}. Light reads push names as QuickBuffers' {@code Utf8String}
 * and ids as {@code RepeatedByte}.
 *
 * <p>Not thread-safe (it owns one reusable message).
 */
public final class QuickBuffersTracesReader implements TracesDataReader {
  private final ProtoSource source = ProtoSource.newArraySource();
  private final TracesData message = TracesData.newInstance();

  @Override
  public String name() {
    return "QuickBuffers";
  }

  private TracesData parse(byte[] bytes) throws IOException {
    message.clear();
    return message.mergeFrom(source.setInput(bytes));
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    TracesData m = parse(bytes);
    RepeatedMessage<ResourceSpans> resources = m.getResourceSpans();
    sink.value(resources.length());
    int spans = 0;
    for (int r = 0; r < resources.length(); r++) {
      RepeatedMessage<ScopeSpans> scopes = resources.get(r).getScopeSpans();
      for (int s = 0; s < scopes.length(); s++) {
        RepeatedMessage<Span> list = scopes.get(s).getSpans();
        for (int i = 0; i < list.length(); i++) {
          Span span = list.get(i);
          sink.value(span.getTraceId());
          sink.value(span.getNameBytes());
        }
        spans += list.length();
      }
    }
    sink.value(spans);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    TracesData m = parse(bytes);
    RepeatedMessage<ResourceSpans> resources = m.getResourceSpans();
    sink.value(resources.length());
    for (int i = 0; i < resources.length(); i++) {
      ResourceSpans r = resources.get(i);
      sink.value(r.hasResource());
      if (r.hasResource()) {
        resource(r.getResource(), sink);
      }
      RepeatedMessage<ScopeSpans> scopes = r.getScopeSpans();
      sink.value(scopes.length());
      for (int s = 0; s < scopes.length(); s++) {
        scopeSpans(scopes.get(s), sink);
      }
      sink.value(r.getSchemaUrl());
    }
  }

  private static void resource(Resource r, FieldSink sink) {
    keyValues(r.getAttributes(), sink);
    sink.value(r.getDroppedAttributesCount());
    RepeatedMessage<EntityRef> refs = r.getEntityRefs();
    sink.value(refs.length());
    for (int i = 0; i < refs.length(); i++) {
      EntityRef e = refs.get(i);
      sink.value(e.getSchemaUrl());
      sink.value(e.getType());
      sink.value(e.getIdKeys().length());
      for (int k = 0; k < e.getIdKeys().length(); k++) {
        sink.value(e.getIdKeys().get(k));
      }
      sink.value(e.getDescriptionKeys().length());
      for (int k = 0; k < e.getDescriptionKeys().length(); k++) {
        sink.value(e.getDescriptionKeys().get(k));
      }
    }
  }

  private static void scopeSpans(ScopeSpans s, FieldSink sink) {
    sink.value(s.hasScope());
    if (s.hasScope()) {
      InstrumentationScope scope = s.getScope();
      sink.value(scope.getName());
      sink.value(scope.getVersion());
      keyValues(scope.getAttributes(), sink);
      sink.value(scope.getDroppedAttributesCount());
    }
    RepeatedMessage<Span> spans = s.getSpans();
    sink.value(spans.length());
    for (int i = 0; i < spans.length(); i++) {
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
    keyValues(s.getAttributes(), sink);
    sink.value(s.getDroppedAttributesCount());
    RepeatedMessage<Span.Event> events = s.getEvents();
    sink.value(events.length());
    for (int i = 0; i < events.length(); i++) {
      Span.Event e = events.get(i);
      sink.value(e.getTimeUnixNano());
      sink.value(e.getName());
      keyValues(e.getAttributes(), sink);
      sink.value(e.getDroppedAttributesCount());
    }
    sink.value(s.getDroppedEventsCount());
    RepeatedMessage<Span.Link> links = s.getLinks();
    sink.value(links.length());
    for (int i = 0; i < links.length(); i++) {
      Span.Link l = links.get(i);
      sink.value(l.getTraceId());
      sink.value(l.getSpanId());
      sink.value(l.getTraceState());
      keyValues(l.getAttributes(), sink);
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
    sink.value(keyValues.length());
    for (int i = 0; i < keyValues.length(); i++) {
      KeyValue kv = keyValues.get(i);
      sink.value(kv.getKey());
      sink.value(kv.hasValue());
      if (kv.hasValue()) {
        anyValue(kv.getValue(), sink);
      }
    }
  }

  /** QuickBuffers has no case enum for a oneof: the set member is the one whose has-flag is up. */
  private static void anyValue(AnyValue v, FieldSink sink) {
    if (v.hasStringValue()) {
      sink.value(1);
      sink.value(v.getStringValue());
    } else if (v.hasBoolValue()) {
      sink.value(2);
      sink.value(v.getBoolValue());
    } else if (v.hasIntValue()) {
      sink.value(3);
      sink.value(v.getIntValue());
    } else if (v.hasDoubleValue()) {
      sink.value(4);
      sink.value(Double.doubleToRawLongBits(v.getDoubleValue()));
    } else if (v.hasArrayValue()) {
      sink.value(5);
      ArrayValue array = v.getArrayValue();
      sink.value(array.getValues().length());
      for (int i = 0; i < array.getValues().length(); i++) {
        anyValue(array.getValues().get(i), sink);
      }
    } else if (v.hasKvlistValue()) {
      sink.value(6);
      keyValues(v.getKvlistValue().getValues(), sink);
    } else if (v.hasBytesValue()) {
      sink.value(7);
      sink.value(v.getBytesValue());
    } else {
      sink.value(0);
    }
  }
}
