package dev.protodec.doh.server;

import java.util.Arrays;

/**
 * Decodes the {@code dns} parameter of an RFC 8484 GET: base64url (RFC 4648 section 5) without
 * padding, straight from the request path's characters (no substring, no String).
 */
final class Base64Url {

  private static final byte[] VALUES = new byte[128];

  static {
    Arrays.fill(VALUES, (byte) -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (int i = 0; i < alphabet.length(); i++) {
      VALUES[alphabet.charAt(i)] = (byte) i;
    }
  }

  private Base64Url() {}

  /**
   * The bytes {@code s[start, end)} encode, or {@code null} when they are not base64url: a character
   * outside the alphabet or a length that leaves one stray character. RFC 8484 section 4.1 says
   * padding is not sent; trailing {@code =} (or {@code %3D}) is tolerated all the same.
   */
  static byte[] decode(CharSequence s, int start, int end) {
    int stripped = end;
    while (stripped > start && s.charAt(stripped - 1) == '=') {
      stripped--;
    }
    while (endsWithEscapedPad(s, start, stripped)) {
      stripped -= 3;
    }
    int chars = stripped - start;
    if (chars % 4 == 1 || chars == 0) {
      return null;
    }
    byte[] out = new byte[chars * 3 / 4];
    int o = 0;
    int acc = 0;
    int bits = 0;
    for (int i = start; i < stripped; i++) {
      char c = s.charAt(i);
      int v = c < 128 ? VALUES[c] : -1;
      if (v < 0) {
        return null;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (byte) (acc >> bits);
      }
    }
    return out;
  }

  private static boolean endsWithEscapedPad(CharSequence s, int start, int end) {
    return end - start >= 3
        && s.charAt(end - 3) == '%'
        && s.charAt(end - 2) == '3'
        && (s.charAt(end - 1) == 'D' || s.charAt(end - 1) == 'd');
  }
}
