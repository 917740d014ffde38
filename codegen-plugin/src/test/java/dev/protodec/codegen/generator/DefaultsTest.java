package dev.protodec.codegen.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DefaultsTest {

  @Test
  void unescapesTheCEscapesProtocWritesForBytesDefaults() {
    assertArrayEquals(new byte[] {0, 1, 'a', '\n', '"', '\\', (byte) 0xFF, 0x1F},
        Defaults.unescapeBytes("\\000\\001a\\n\\\"\\\\\\377\\x1f"));
    assertArrayEquals(new byte[] {'?', 7, 11}, Defaults.unescapeBytes("\\?\\a\\v"));
  }
}
