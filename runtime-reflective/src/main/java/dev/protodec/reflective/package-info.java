/**
 * The reflective baseline: a schema loaded at run time from a {@code FileDescriptorSet}, and messages
 * read through protobuf-java's {@link com.google.protobuf.DynamicMessage}, as a careful user of
 * reflection would read them (descriptors looked up once, no string look-ups per message).
 *
 * <p>{@link dev.protodec.reflective.ReflectiveSchema} loads the set; {@link
 * dev.protodec.reflective.DynamicMessages} holds the look-up, parse and typed access helpers. Schema
 * mistakes are reported as {@link dev.protodec.reflective.SchemaException}s that name what is missing.
 */
package dev.protodec.reflective;
