package dev.protodec.jmh.otlp;

import dev.protodec.dns.corpus.FieldSink;
import java.io.IOException;

/**
 * Decodes one encoded {@code opentelemetry.proto.trace.v1.TracesData} with one library and pushes what
 * it read to a {@link FieldSink}, with the conventions of {@code DnsMessageReader}: every 32-bit integer
 * field, enum, count and case number as {@code int(x)}, every 64-bit one as {@code long(x)}, a {@code
 * double} as {@code long(Double.doubleToRawLongBits(x))}, {@code bool} and has-flags as {@code
 * boolean(x)}, strings and bytes as {@code object(x)}.
 *
 * <h2>{@link #readLight}: what a collector's router touches</h2>
 *
 * <ol>
 *   <li>{@code int(resource_spans count)};
 *   <li>for every span, resource by resource and scope by scope: {@code object(trace_id)}, {@code
 *       object(name)}, as the library's natural objects (no decoding where the library keeps UTF-8);
 *   <li>{@code int(number of spans)}.
 * </ol>
 *
 * <h2>{@link #readDeep}: every field, every string as a {@link String}</h2>
 *
 * <p>Each message's fields in field-number order; a scalar always (also at its default), a singular
 * message as {@code boolean(present)} then its fields, a repeated field as {@code int(count)} then its
 * elements, a oneof at the place of its lowest-numbered member as {@code int(set member's number or 0)}
 * then the member's value (a message member: its fields, no has-flag):
 *
 * <pre>
 * TracesData            int(n) ResourceSpans*
 * ResourceSpans         boolean [Resource] int(n) ScopeSpans* object(schema_url)
 * Resource              int(n) KeyValue* int(dropped_attributes_count) int(n) EntityRef*
 * EntityRef             object(schema_url) object(type) int(n) object(id_key)* int(n) object(description_key)*
 * ScopeSpans            boolean [InstrumentationScope] int(n) Span* object(schema_url)
 * InstrumentationScope  object(name) object(version) int(n) KeyValue* int(dropped_attributes_count)
 * Span                  object(trace_id) object(span_id) object(trace_state) object(parent_span_id)
 *                       object(name) int(kind) long(start_time_unix_nano) long(end_time_unix_nano)
 *                       int(n) KeyValue* int(dropped_attributes_count) int(n) Event* int(dropped_events_count)
 *                       int(n) Link* int(dropped_links_count) boolean [Status] int(flags)
 * Event                 long(time_unix_nano) object(name) int(n) KeyValue* int(dropped_attributes_count)
 * Link                  object(trace_id) object(span_id) object(trace_state) int(n) KeyValue*
 *                       int(dropped_attributes_count) int(flags)
 * Status                object(message) int(code)
 * KeyValue              object(key) boolean [AnyValue]
 * AnyValue              int(case) then 1: object(String) 2: boolean 3: long 4: long(double bits)
 *                       5: ArrayValue 6: KeyValueList 7: object(bytes) 0: nothing
 * ArrayValue            int(n) AnyValue*
 * KeyValueList          int(n) KeyValue*
 * </pre>
 *
 * <p>An instance may reuse state between calls and is <b>not thread-safe</b>.
 */
public interface TracesDataReader {
  String name();

  void readLight(byte[] message, FieldSink sink) throws IOException;

  void readDeep(byte[] message, FieldSink sink) throws IOException;
}
