package dev.protodec.doh.server;

import io.netty.util.AsciiString;

/** The content types the front reads and writes. */
final class MediaTypes {
  static final AsciiString DNS_MESSAGE = AsciiString.cached("application/dns-message");
  static final AsciiString DNS_JSON = AsciiString.cached("application/dns-json");
  static final AsciiString TEXT = AsciiString.cached("text/plain; charset=utf-8");

  private MediaTypes() {}

  /** Whether a {@code content-type} names {@code type}, parameters and case aside. */
  static boolean is(CharSequence contentType, AsciiString type) {
    if (contentType == null || contentType.length() < type.length()) {
      return false;
    }
    if (!AsciiString.regionMatches(contentType, true, 0, type, 0, type.length())) {
      return false;
    }
    if (contentType.length() == type.length()) {
      return true;
    }
    char next = contentType.charAt(type.length());
    return next == ';' || next == ' ' || next == '\t';
  }

  /** Whether an {@code accept} header lists {@code type} (a plain substring test; q-values are not weighed). */
  static boolean accepts(CharSequence accept, AsciiString type) {
    return accept != null && AsciiString.indexOfIgnoreCaseAscii(accept, type, 0) >= 0;
  }
}
