package dev.protodec.doh.resolver;

/** How cached answers are kept and decoded on every hit. */
public enum DecoderMode {
  /** Protobuf entries decoded with protodec's generated classes (one reused message per thread). */
  GENERATED,
  /** Protobuf entries decoded with protobuf-java's {@code DynamicMessage}, descriptors looked up once. */
  REFLECTIVE,
  /** DNS wire entries, patched in place (ID, TTLs): the no-decode ceiling. */
  WIRE
}
