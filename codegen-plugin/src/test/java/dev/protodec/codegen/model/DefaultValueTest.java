package dev.protodec.codegen.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DefaultValueTest {

  @Test
  void unescapesTheCEscapesProtocWritesForBytesDefaults() {
    assertArrayEquals(new byte[] {0, 1, 'a', '\n', '"', '\\', (byte) 0xFF, 0x1F},
        DefaultValue.unescapeBytes("\\000\\001a\\n\\\"\\\\\\377\\x1f"));
    assertArrayEquals(new byte[] {'?', 7, 11}, DefaultValue.unescapeBytes("\\?\\a\\v"));
  }
}
