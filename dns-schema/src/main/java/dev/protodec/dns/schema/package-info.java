/**
 * The DNS schema's hand-written side: a deterministic {@link dev.protodec.dns.schema.DnsCorpus} of DNS
 * responses shaped like real resolver traffic, its {@link dev.protodec.dns.schema.CorpusStats}, and
 * {@link dev.protodec.dns.schema.DnsMessageReader}, which each decoding library implements so that
 * benchmarks and cross-checks see every library read the same values in the same order.
 *
 * <p>The generated classes live beside this package: protobuf-java's in {@code dev.protodec.dns.v1},
 * protodec's in {@code dev.protodec.dns.fast}; the descriptor set for the reflective reader is the
 * resource {@value dev.protodec.dns.schema.ReflectiveDnsMessageReader#DESCRIPTOR_SET}.
 */
package dev.protodec.dns.schema;
