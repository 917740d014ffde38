/**
 * The codec head-to-head: one JMH class per question ({@link dev.protodec.jmh.DnsDecodeLight},
 * {@link dev.protodec.jmh.DnsDecodeDeep}, {@link dev.protodec.jmh.DnsEncode} and the same three for OTLP
 * traces), one method per contender, each operation over the whole corpus so that ops/s reads as
 * messages/s and {@code gc.alloc.rate.norm} as bytes per message.
 *
 * <p>Every class refuses to run unless its contenders agree: its trial set-up feeds each contender every
 * corpus message through a {@link dev.protodec.jmh.RecordingSink} and {@link dev.protodec.jmh.CrossCheck}
 * compares the recordings with protobuf-java's (decoders) or the bytes with the corpus (encoders).
 */
package dev.protodec.jmh;
