/**
 * The cache decoders, one per {@link dev.protodec.doh.resolver.DecoderMode}: generated (protodec's reused
 * {@code DnsMessage}), reflective ({@code DynamicMessage}) and wire (no decoding, patched in place). The
 * two protobuf decoders write through the same {@link dev.protodec.doh.answer.AnswerWriter} calls.
 * Depends on the schema, the two runtimes and the answer and query stages; never on dnsjava or Netty.
 */
package dev.protodec.doh.decode;
