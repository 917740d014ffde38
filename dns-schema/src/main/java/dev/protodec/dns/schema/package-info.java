/**
 * The DNS schema ({@code protodec/dns/v1/dns.proto}) as the production code uses it: {@link
 * dev.protodec.dns.schema.DnsSchema} names the descriptor set for the reflective runtime; the generated
 * classes live beside this package (protobuf-java's in {@code dev.protodec.dns.v1}, protodec's in
 * {@code dev.protodec.dns.fast}). Benchmark fixtures (the corpus, the readers) are in {@code dns-corpus}.
 * Depends on the two runtimes and protobuf-java only.
 */
package dev.protodec.dns.schema;
