package dev.protodec.doh.server;

import io.netty.util.AsciiString;

/** {@code cache-control: max-age=N} values, made once for the common range so a hit formats nothing. */
final class CacheControl {

  /** TTLs up to an hour cover most answers; the few above are made per response. */
  private static final int PRECOMPUTED = 3600;

  private static final AsciiString[] MAX_AGE = new AsciiString[PRECOMPUTED + 1];

  static {
    for (int i = 0; i <= PRECOMPUTED; i++) {
      MAX_AGE[i] = new AsciiString("max-age=" + i);
    }
  }

  private CacheControl() {}

  static AsciiString maxAge(int seconds) {
    if (seconds <= PRECOMPUTED) {
      return MAX_AGE[Math.max(seconds, 0)];
    }
    return new AsciiString("max-age=" + seconds);
  }
}
