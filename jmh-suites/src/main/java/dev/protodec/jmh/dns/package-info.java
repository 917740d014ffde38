/**
 * The DNS contenders that dns-corpus cannot hold because their classes are generated here (QuickBuffers,
 * Wire) or because they read from a direct {@link java.nio.ByteBuffer}, plus protobuf-java's reader (the
 * cross-checks' reference) and one encoder per library. Every reader pushes exactly the sequence that
 * {@link dev.protodec.dns.corpus.DnsMessageReader} specifies.
 */
package dev.protodec.jmh.dns;
