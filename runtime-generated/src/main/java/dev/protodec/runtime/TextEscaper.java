package dev.protodec.runtime;

/** Escapes bytes and strings for {@code toString()} the way protobuf's text format does (C escapes). */
final class TextEscaper {
  private TextEscaper() {}

  static String escapeBytes(byte[] bytes, int offset, int length) {
    StringBuilder sb = new StringBuilder(length + 2);
    for (int i = offset; i < offset + length; i++) {
      int b = bytes[i] & 0xFF;
      switch (b) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\'' -> sb.append("\\'");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (b >= 0x20 && b < 0x7F) {
            sb.append((char) b);
          } else {
            sb.append('\\').append((char) ('0' + ((b >>> 6) & 3)))
                .append((char) ('0' + ((b >>> 3) & 7)))
                .append((char) ('0' + (b & 7)));
          }
        }
      }
    }
    return sb.toString();
  }

  static String escapeText(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7F) {
            sb.append(String.format("\\%03o", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
