package dev.protodec.jmh.otlp;

import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.jmh.otlp.wire.common.v1.AnyValue;
import dev.protodec.jmh.otlp.wire.common.v1.EntityRef;
import dev.protodec.jmh.otlp.wire.common.v1.InstrumentationScope;
import dev.protodec.jmh.otlp.wire.common.v1.KeyValue;
import dev.protodec.jmh.otlp.wire.resource.v1.Resource;
import dev.protodec.jmh.otlp.wire.trace.v1.ResourceSpans;
import dev.protodec.jmh.otlp.wire.trace.v1.ScopeSpans;
import dev.protodec.jmh.otlp.wire.trace.v1.Span;
import dev.protodec.jmh.otlp.wire.trace.v1.Status;
import dev.protodec.jmh.otlp.wire.trace.v1.TracesData;
import java.io.IOException;
import java.util.List;

/**
 * Reads with Wire's generated Java classes as their users do: {@code TracesData.ADAPTER.decode(bytes)},
 * a new immutable tree per call with public fields, strings as {@link String}s and bytes as Okio {@code
 * ByteString}s; an absent message is {@code null}, a oneof a set of nullable fields.
 */
public final class WireTracesReader implements TracesDataReader {
  @Override
  public String name() {
    return "Wire";
  }

  @Override
  public void readLight(byte[] bytes, FieldSink sink) throws IOException {
    TracesData m = TracesData.ADAPTER.decode(bytes);
    sink.value(m.resource_spans.size());
    int spans = 0;
    for (int r = 0; r < m.resource_spans.size(); r++) {
      List<ScopeSpans> scopes = m.resource_spans.get(r).scope_spans;
      for (int s = 0; s < scopes.size(); s++) {
        List<Span> list = scopes.get(s).spans;
        for (int i = 0; i < list.size(); i++) {
          Span span = list.get(i);
          sink.value(span.trace_id);
          sink.value(span.name);
        }
        spans += list.size();
      }
    }
    sink.value(spans);
  }

  @Override
  public void readDeep(byte[] bytes, FieldSink sink) throws IOException {
    TracesData m = TracesData.ADAPTER.decode(bytes);
    sink.value(m.resource_spans.size());
    for (int i = 0; i < m.resource_spans.size(); i++) {
      ResourceSpans r = m.resource_spans.get(i);
      sink.value(r.resource != null);
      if (r.resource != null) {
        resource(r.resource, sink);
      }
      sink.value(r.scope_spans.size());
      for (int s = 0; s < r.scope_spans.size(); s++) {
        scopeSpans(r.scope_spans.get(s), sink);
      }
      sink.value(r.schema_url);
    }
  }

  private static void resource(Resource r, FieldSink sink) {
    keyValues(r.attributes, sink);
    sink.value(r.dropped_attributes_count);
    sink.value(r.entity_refs.size());
    for (int i = 0; i < r.entity_refs.size(); i++) {
      EntityRef e = r.entity_refs.get(i);
      sink.value(e.schema_url);
      sink.value(e.type);
      sink.value(e.id_keys.size());
      for (int k = 0; k < e.id_keys.size(); k++) {
        sink.value(e.id_keys.get(k));
      }
      sink.value(e.description_keys.size());
      for (int k = 0; k < e.description_keys.size(); k++) {
        sink.value(e.description_keys.get(k));
      }
    }
  }

  private static void scopeSpans(ScopeSpans s, FieldSink sink) {
    sink.value(s.scope != null);
    if (s.scope != null) {
      InstrumentationScope scope = s.scope;
      sink.value(scope.name);
      sink.value(scope.version);
      keyValues(scope.attributes, sink);
      sink.value(scope.dropped_attributes_count);
    }
    sink.value(s.spans.size());
    for (int i = 0; i < s.spans.size(); i++) {
      span(s.spans.get(i), sink);
    }
    sink.value(s.schema_url);
  }

  private static void span(Span s, FieldSink sink) {
    sink.value(s.trace_id);
    sink.value(s.span_id);
    sink.value(s.trace_state);
    sink.value(s.parent_span_id);
    sink.value(s.name);
    sink.value(s.kind.getValue());
    sink.value(s.start_time_unix_nano);
    sink.value(s.end_time_unix_nano);
    keyValues(s.attributes, sink);
    sink.value(s.dropped_attributes_count);
    sink.value(s.events.size());
    for (int i = 0; i < s.events.size(); i++) {
      Span.Event e = s.events.get(i);
      sink.value(e.time_unix_nano);
      sink.value(e.name);
      keyValues(e.attributes, sink);
      sink.value(e.dropped_attributes_count);
    }
    sink.value(s.dropped_events_count);
    sink.value(s.links.size());
    for (int i = 0; i < s.links.size(); i++) {
      Span.Link l = s.links.get(i);
      sink.value(l.trace_id);
      sink.value(l.span_id);
      sink.value(l.trace_state);
      keyValues(l.attributes, sink);
      sink.value(l.dropped_attributes_count);
      sink.value(l.flags);
    }
    sink.value(s.dropped_links_count);
    sink.value(s.status != null);
    if (s.status != null) {
      Status status = s.status;
      sink.value(status.message);
      sink.value(status.code.getValue());
    }
    sink.value(s.flags);
  }

  private static void keyValues(List<KeyValue> keyValues, FieldSink sink) {
    sink.value(keyValues.size());
    for (int i = 0; i < keyValues.size(); i++) {
      KeyValue kv = keyValues.get(i);
      sink.value(kv.key);
      sink.value(kv.value != null);
      if (kv.value != null) {
        anyValue(kv.value, sink);
      }
    }
  }

  private static void anyValue(AnyValue v, FieldSink sink) {
    if (v.string_value != null) {
      sink.value(1);
      sink.value(v.string_value);
    } else if (v.bool_value != null) {
      sink.value(2);
      sink.value(v.bool_value.booleanValue());
    } else if (v.int_value != null) {
      sink.value(3);
      sink.value(v.int_value.longValue());
    } else if (v.double_value != null) {
      sink.value(4);
      sink.value(Double.doubleToRawLongBits(v.double_value));
    } else if (v.array_value != null) {
      sink.value(5);
      List<AnyValue> values = v.array_value.values;
      sink.value(values.size());
      for (int i = 0; i < values.size(); i++) {
        anyValue(values.get(i), sink);
      }
    } else if (v.kvlist_value != null) {
      sink.value(6);
      keyValues(v.kvlist_value.values, sink);
    } else if (v.bytes_value != null) {
      sink.value(7);
      sink.value(v.bytes_value);
    } else {
      sink.value(0);
    }
  }
}
