package dev.protodec.codegen.generator;

/** Makes {@code .proto} comments safe inside generated Javadoc. */
final class Javadoc {
  private Javadoc() {}

  /**
   * Escapes what would break or change the Javadoc: HTML specials, {@code @} tags, the comment's end, and
   * backslashes (javac reads {@code \}{@code u} as a Unicode escape even in comments).
   */
  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;")
        .replace("\\", "&#92;");
  }
}
