package dev.protodec.dns.corpus;

import java.io.IOException;

/**
 * Decodes one encoded {@code protodec.dns.v1.DnsMessage} with one library and pushes what it read to a
 * {@link FieldSink}. Every library's implementation pushes the same sequence for the same message, so
 * a benchmark measures the same work for each and a cross-check can compare them value by value.
 *
 * <p>Notation below: {@code int(x)}, {@code long(x)}, {@code boolean(x)} and {@code object(x)} are calls
 * of the {@link FieldSink} overloads. Every {@code uint32} and {@code fixed32} field is pushed as
 * {@code int(x)} with the value's bits (so 2<sup>31</sup> and above push negative numbers), every enum as
 * {@code int(number)}, every count as {@code int(n)}.
 *
 * <h2>{@link #readLight}: what a cache or forwarder touches</h2>
 *
 * <ol>
 *   <li>{@code int(header.id)}, {@code int(header.rcode)} (the header's defaults, 0, if it is absent);
 *   <li>{@code int(questions count)}, {@code int(answers count)}, {@code int(authorities count)},
 *       {@code int(additionals count)};
 *   <li>if there is a question: {@code object(questions[0].name)};
 *   <li>if there is an answer: {@code object(answers[0].name)};
 *   <li>{@code int(ttl)} of every record of answers, then authorities, then additionals, in order.
 * </ol>
 *
 * <p>The two names are pushed as the library's natural string object, without decoding when the
 * library keeps UTF-8 (protodec pushes the {@code Utf8String} of {@code getNameUtf8()}); light reading
 * builds no {@link String} unless the library only has {@code String}s (protobuf-java,
 * {@code DynamicMessage}).
 *
 * <h2>{@link #readDeep}: every field, every string as a {@link String}</h2>
 *
 * <p>A canonical walk of the whole message: each message's fields in field-number order, with
 *
 * <ul>
 *   <li>a scalar or enum field: always pushed, also when it holds its proto3 default;
 *   <li>a {@code string} field: {@code object(value)} as a {@link java.lang.String};
 *   <li>a {@code bytes} field: {@code object(value)} as the library's natural bytes object;
 *   <li>a singular message field: {@code boolean(present)}, then, if present, its fields;
 *   <li>a repeated field: {@code int(count)}, then each element (a message element: its fields);
 *   <li>a oneof, at the place of its first member: {@code int(number of the set member)}, or
 *       {@code int(0)} if none is set, then the set member's value (a message member: its fields,
 *       without a has-flag).
 * </ul>
 *
 * <p>For {@code DnsMessage} that gives:
 *
 * <pre>
 * DnsMessage      boolean(has header) [Header]
 *                 int(questions count) Question*
 *                 int(answers count) ResourceRecord*
 *                 int(authorities count) ResourceRecord*
 *                 int(additionals count) ResourceRecord*
 *                 boolean(has edns) [Edns]
 * Header          int(id) int(flags) int(opcode) int(rcode)
 * Question        object(name) int(qtype) int(qclass)
 * ResourceRecord  object(name) int(type) int(rclass) int(ttl) int(rdata case) then by case:
 *                   5 a: int(a)               6 aaaa: object(bytes)   7 cname, 8 ns, 9 ptr: object(String)
 *                   10 mx: MxData             11 txt: TxtData         12 soa: SoaData
 *                   13 raw: object(bytes)     0: nothing
 * MxData          int(preference) object(exchange)
 * TxtData         int(strings count) object(bytes)*
 * SoaData         object(mname) object(rname) int(serial) int(refresh) int(retry) int(expire) int(minimum)
 * Edns            int(udp_payload_size) int(extended_rcode) int(version) boolean(dnssec_ok)
 *                 int(options count) EdnsOption*
 * EdnsOption      int(code) object(data bytes)
 * </pre>
 *
 * <h2>Use</h2>
 *
 * <p>An instance may keep and reuse state between calls (a reusable message, a reader, buffers), so it
 * is <b>not thread-safe</b>: give each thread its own. Objects pushed to the sink may be reused by the
 * next call.
 */
public interface DnsMessageReader {

  /** The library and the way it is used, for reports: {@code "protodec"}, {@code "DynamicMessage"}, ... */
  String name();

  /**
   * Decodes {@code message} and pushes the light sequence (see the class comment).
   *
   * @throws IOException if {@code message} is not a valid encoding
   */
  void readLight(byte[] message, FieldSink sink) throws IOException;

  /**
   * Decodes {@code message} and pushes the deep sequence (see the class comment).
   *
   * @throws IOException if {@code message} is not a valid encoding
   */
  void readDeep(byte[] message, FieldSink sink) throws IOException;
}
