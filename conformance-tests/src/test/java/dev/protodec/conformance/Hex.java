package dev.protodec.conformance;

import java.util.HexFormat;

/** Hex strings for failure messages and for writing wire-format cases by hand. */
final class Hex {
  private Hex() {}

  private static final int SHOWN = 400;

  /** {@code 0a 03 ...}, cut after {@value #SHOWN} bytes. */
  static String of(byte[] bytes) {
    if (bytes == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, SHOWN); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02x", bytes[i] & 0xFF));
    }
    if (bytes.length > SHOWN) {
      sb.append(" ... (").append(bytes.length).append(" bytes)");
    }
    return sb.toString();
  }

  /** Parses hex with optional spaces: {@code "08 96 01"}. */
  static byte[] parse(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }
}
