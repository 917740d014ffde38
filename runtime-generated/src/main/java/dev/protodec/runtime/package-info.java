/**
 * The runtime that protodec's generated code calls: a wire reader ({@link dev.protodec.runtime.ProtoReader})
 * and writer ({@link dev.protodec.runtime.ProtoWriter}) over {@code byte[]}, the base class of every
 * generated message ({@link dev.protodec.runtime.ProtoMessage}), reusable field holders (lazy UTF-8
 * {@link dev.protodec.runtime.Utf8String}, {@link dev.protodec.runtime.ProtoBytes}, the {@code Repeated*}
 * containers) and one exception type for bad input ({@link dev.protodec.runtime.InvalidProtobufException}).
 *
 * <p>Nothing here uses reflection or descriptors. Messages are mutable and meant to be reused: {@code
 * clear()} keeps every allocated array and nested message, so a re-parse of a same-shaped message
 * allocates nothing.
 */
package dev.protodec.runtime;
