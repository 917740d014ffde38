package dev.protodec.dns.corpus;

/**
 * Receives the values a {@link DnsMessageReader} reads, in reading order. Benchmarks pass a sink that
 * hands each value to a JMH {@code Blackhole}, so nothing read is dead code; cross-checks pass a sink
 * that records each value, normalising objects to text (strings) or hex (bytes), and compare the
 * recordings of two libraries.
 *
 * <p>The overloads keep scalars unboxed: a reader pushes {@code int} for every 32-bit field (unsigned
 * ones too, as their bits), counts and enum numbers, {@code long} for 64-bit fields, {@code boolean} for
 * {@code bool} fields and has-flags, and {@link #value(Object)} for strings and bytes.
 */
public interface FieldSink {
  void value(int v);

  void value(long v);

  void value(boolean v);

  /**
   * A string or bytes value in the library's own representation, as the library hands it out: a
   * {@link String}, protodec's {@code Utf8String} or {@code ProtoBytes}, protobuf-java's {@code
   * ByteString}, a {@code byte[]}, Okio's {@code ByteString}, ... A sink must not keep it past the
   * call: readers that reuse their messages also reuse these objects.
   */
  void value(Object v);
}
