package dev.protodec.doh.resolver;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How cached answers are kept and decoded on every hit. */
public enum DecoderMode {
  /** Protobuf entries decoded with protodec's generated classes (one reused message per thread). */
  GENERATED,
  /**
   * As {@link #GENERATED}, the reader in zero-copy mode: names and RDATA are read where they lie in the
   * entry, their UTF-8 not checked (the hit path hands names on as bytes and never decodes them). For
   * the resolver's own entries; a shared cache's values are still checked by their CRC.
   */
  GENERATED_ZERO_COPY,
  /** Protobuf entries decoded with protobuf-java's {@code DynamicMessage}, descriptors looked up once. */
  REFLECTIVE,
  /** DNS wire entries, patched in place (ID, TTLs): the no-decode ceiling. */
  WIRE;

  /** The name on the command line and in config files: {@code generated-zero-copy}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The mode named {@code text}, as {@link #cliName()} spells it or as the constant (any case). */
  public static DecoderMode parse(String text) {
    String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (DecoderMode mode : values()) {
      if (mode.name().equals(key)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown decoder '" + text + "'; expected one of "
        + Arrays.stream(values()).map(DecoderMode::cliName).collect(Collectors.joining(", ")));
  }
}
