package dev.protodec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

  /** The JDK's strict decoder is the reference for well-formed UTF-8. */
  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void agreesWithTheJdkOnEveryTwoAndThreeByteSequenceAndRandomFourByteOnes() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        byte[] two = {(byte) a, (byte) b};
        assertEquals(jdkAccepts(two), Utf8.isValid(two, 0, 2), () -> hex(two));
        for (int c : new int[] {0x00, 0x7F, 0x80, 0x8F, 0x90, 0xA0, 0xBF, 0xC0, 0xFF}) {
          byte[] three = {(byte) a, (byte) b, (byte) c};
          assertEquals(jdkAccepts(three), Utf8.isValid(three, 0, 3), () -> hex(three));
        }
      }
    }
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      byte[] four = new byte[4];
      random.nextBytes(four);
      four[0] = (byte) (0xE0 | (four[0] & 0x1F));
      assertEquals(jdkAccepts(four), Utf8.isValid(four, 0, 4), () -> hex(four));
    }
  }

  @Test
  void rejectsSurrogatesOverlongsAndCodePointsAboveTheUnicodeRange() {
    assertFalse(Utf8.isValid(bytes(0xED, 0xA0, 0x80), 0, 3)); // U+D800
    assertFalse(Utf8.isValid(bytes(0xC0, 0xAF), 0, 2)); // overlong '/'
    assertFalse(Utf8.isValid(bytes(0xF4, 0x90, 0x80, 0x80), 0, 4)); // U+110000
    assertTrue(Utf8.isValid(bytes(0xF4, 0x8F, 0xBF, 0xBF), 0, 4)); // U+10FFFF
    assertFalse(Utf8.isValid(bytes(0xE2, 0x82), 0, 2)); // truncated
  }

  @Test
  void copyingAndCheckingInOnePassAgreesWithTheCheckAtEveryLengthAndPosition() {
    // lengths around the eight-byte words, with one non-ASCII byte (or a bad one) at every position,
    // from an offset inside a larger array, into a reused string
    Utf8String value = new Utf8String();
    for (int length = 0; length <= 40; length++) {
      for (int at = -1; at < length; at++) {
        for (int odd : new int[] {0xC3, 0xFF}) {
          byte[] source = new byte[length + 6];
          for (int i = 0; i < source.length; i++) {
            source[i] = (byte) ('a' + i % 26);
          }
          if (at >= 0) {
            source[3 + at] = (byte) odd;
            if (odd == 0xC3 && at + 1 < length) {
              source[3 + at + 1] = (byte) 0xA9; // é
            }
          }
          int expected = Utf8.check(source, 3, length);
          assertEquals(expected, value.setCheckedUtf8(source, 3, length), "length " + length + " at " + at);
          assertArrayEquals(Arrays.copyOfRange(source, 3, 3 + length), value.toUtf8Bytes());
        }
      }
    }
  }

  @Test
  void checkTellsAsciiFromOtherValidTextAndParsedStringsDecodeEitherWay() throws Exception {
    byte[] ascii = "www.example.com.".getBytes(StandardCharsets.UTF_8);
    byte[] accented = "caf\u00e9.example.".getBytes(StandardCharsets.UTF_8);
    assertEquals(Utf8.ASCII, Utf8.check(ascii, 0, ascii.length));
    assertEquals(Utf8.VALID, Utf8.check(accented, 0, accented.length));
    assertEquals(Utf8.INVALID, Utf8.check(bytes(0x61, 0xC0, 0xAF), 0, 3));
    for (byte[] text : new byte[][] {ascii, accented}) {
      byte[] field = new byte[text.length + 1];
      field[0] = (byte) text.length;
      System.arraycopy(text, 0, field, 1, text.length);
      Utf8String value = new Utf8String();
      ProtoReader.of(field).readStringRequireUtf8(value, "pkg.Msg.name");
      assertEquals(new String(text, StandardCharsets.UTF_8), value.toString());
      Utf8String unchecked = new Utf8String();
      ProtoReader.of(field).readString(unchecked);
      assertEquals(new String(text, StandardCharsets.UTF_8), unchecked.toString());
    }
  }

  @Test
  void encodesLikeStringGetBytesIncludingUnpairedSurrogates() {
    for (String s : new String[] {"", "abc", "héllo", "日本語", "😀x", "a\uD800b", "\uDC00", "x\uD83D"}) {
      byte[] expected = s.getBytes(StandardCharsets.UTF_8);
      byte[] actual = new byte[Utf8.encodedLength(s)];
      assertEquals(actual.length, Utf8.encode(s, actual, 0));
      assertArrayEquals(expected, actual, s);
    }
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x ", b));
    }
    return sb.toString();
  }
}
