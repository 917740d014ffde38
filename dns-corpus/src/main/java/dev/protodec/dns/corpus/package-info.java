/**
 * Benchmark fixtures for the DNS schema: a deterministic {@link dev.protodec.dns.corpus.DnsCorpus} of DNS
 * responses shaped like real resolver traffic, its {@link dev.protodec.dns.corpus.CorpusStats}, and
 * {@link dev.protodec.dns.corpus.DnsMessageReader}, which each decoding library implements so that
 * benchmarks and cross-checks see every library read the same values in the same order (pushed to a
 * {@link dev.protodec.dns.corpus.FieldSink}).
 *
 * <p>Depends on {@code dns-schema} (the generated classes and the descriptor set). Production code (the
 * resolver) must not depend on this package.
 */
package dev.protodec.dns.corpus;
