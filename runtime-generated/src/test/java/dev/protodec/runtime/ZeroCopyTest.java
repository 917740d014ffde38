package dev.protodec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.runtime.InvalidProtobufException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The reader's zero-copy mode: values refer to the input, UTF-8 is checked on first decode, writes copy. */
class ZeroCopyTest {
  private static final String FIELD = "pkg.Msg.name";

  /** A length-delimited field body: the length byte, then {@code content}, after {@code pad} bytes of 0x7f. */
  private static byte[] field(int pad, byte[] content) {
    byte[] b = new byte[pad + 1 + content.length];
    Arrays.fill(b, 0, pad, (byte) 0x7f);
    b[pad] = (byte) content.length;
    System.arraycopy(content, 0, b, pad + 1, content.length);
    return b;
  }

  private static ProtoReader zeroCopy(byte[] input, int offset) throws InvalidProtobufException {
    return ProtoReader.newInstance().setZeroCopy(true).wrap(input, offset, input.length - offset);
  }

  @Test
  void stringsReferToTheInputAndDecodeLikeCopies() throws Exception {
    for (String text : new String[] {"www.example.", "caf\u00e9.example.", ""}) {
      byte[] input = field(3, text.getBytes(StandardCharsets.UTF_8));
      Utf8String value = new Utf8String();
      zeroCopy(input, 3).readStringRequireUtf8(value, FIELD);
      assertEquals(!text.isEmpty(), value.refersToInput());
      if (!text.isEmpty()) {
        assertSame(input, value.utf8Array());
        assertEquals(4, value.utf8Offset());
      }
      assertEquals(text, value.toString());
      assertEquals(Utf8String.of(text), value);
      assertEquals(Utf8String.of(text).hashCode(), value.hashCode());
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), value.toUtf8Bytes());
    }
  }

  @Test
  void invalidUtf8IsAcceptedByTheParseAndRejectedOnEveryDecodeNamingTheField() throws Exception {
    byte[] input = field(0, new byte[] {'a', (byte) 0xC0, (byte) 0xAF});
    Utf8String value = new Utf8String();
    zeroCopy(input, 0).readStringRequireUtf8(value, FIELD);
    for (int i = 0; i < 2; i++) {
      UncheckedInvalidProtobufException e = assertThrows(UncheckedInvalidProtobufException.class, value::toString);
      assertEquals(Reason.INVALID_UTF8, e.reason());
      assertEquals(Reason.INVALID_UTF8, e.getCause().reason());
      assertTrue(e.getMessage().contains(FIELD), e.getMessage());
    }
    // the raw bytes stay readable, and a detached copy keeps the check due
    assertEquals(3, value.utf8Length());
    value.detach();
    assertFalse(value.refersToInput());
    assertThrows(UncheckedInvalidProtobufException.class, value::toString);
    Utf8String copy = new Utf8String();
    copy.copyFrom(value);
    assertThrows(UncheckedInvalidProtobufException.class, copy::toString);
  }

  @Test
  void aStringThatNeedsNoCheckDecodesInvalidUtf8AsReplacementCharacters() throws Exception {
    Utf8String value = new Utf8String();
    zeroCopy(field(0, new byte[] {'a', (byte) 0xC0}), 0).readString(value);
    assertEquals("a\uFFFD", value.toString());
  }

  @Test
  void detachCopiesSoTheInputMayChange() throws Exception {
    byte[] input = field(0, "abc".getBytes(StandardCharsets.US_ASCII));
    Utf8String value = new Utf8String();
    zeroCopy(input, 0).readStringRequireUtf8(value, FIELD);
    value.detach();
    Arrays.fill(input, (byte) 'z');
    assertFalse(value.refersToInput());
    assertEquals("abc", value.toString());
  }

  @Test
  void laterWritesAndCopyingParsesNeverWriteIntoAnEarlierInput() throws Exception {
    byte[] first = field(0, "first-input".getBytes(StandardCharsets.US_ASCII));
    byte[] before = first.clone();
    Utf8String value = new Utf8String();
    ProtoReader reader = zeroCopy(first, 0);
    reader.readStringRequireUtf8(value, FIELD);
    reader.setZeroCopy(false).wrap(field(0, "second".getBytes(StandardCharsets.US_ASCII)))
        .readStringRequireUtf8(value, FIELD);
    assertEquals("second", value.toString());
    zeroCopy(first, 0).readStringRequireUtf8(value, FIELD);
    value.set("third value");
    assertArrayEquals(before, first);
    assertEquals("third value", value.toString());

    ProtoBytes bytes = new ProtoBytes();
    zeroCopy(first, 0).readBytes(bytes);
    assertTrue(bytes.refersToInput());
    bytes.append(new byte[] {1, 2}, 0, 2);
    assertFalse(bytes.refersToInput());
    assertArrayEquals(before, first);
    assertEquals(13, bytes.length());
    assertEquals('f', bytes.get(0));
    assertEquals(2, bytes.get(12));
  }

  @Test
  void bytesReferToTheInputUntilDetached() throws Exception {
    byte[] input = field(2, new byte[] {9, 8, 7});
    ProtoBytes value = new ProtoBytes();
    zeroCopy(input, 2).readBytes(value);
    assertSame(input, value.array());
    assertEquals(3, value.offset());
    assertEquals(ProtoBytes.of(new byte[] {9, 8, 7}), value);
    assertEquals("\\t\\010\\007", value.toString());
    value.detach();
    input[3] = 0;
    assertArrayEquals(new byte[] {9, 8, 7}, value.toByteArray());
    value.clear();
    assertFalse(value.refersToInput());
  }

  @Test
  void theWriterWritesReferencedValues() throws Exception {
    byte[] input = field(5, "name".getBytes(StandardCharsets.US_ASCII));
    Utf8String s = new Utf8String();
    zeroCopy(input, 5).readStringRequireUtf8(s, FIELD);
    ProtoWriter out = ProtoWriter.newInstance();
    out.writeString(s);
    assertArrayEquals(Arrays.copyOfRange(input, 5, input.length), out.toByteArray());
  }

  @Test
  void directBuffersAreCopiedAndCheckedAsInTheDefaultMode() throws Exception {
    byte[] bad = field(0, new byte[] {(byte) 0xC0, (byte) 0xAF});
    ByteBuffer direct = ByteBuffer.allocateDirect(bad.length).put(bad).flip();
    ProtoReader reader = ProtoReader.newInstance().setZeroCopy(true).wrap(direct);
    InvalidProtobufException e = assertThrows(InvalidProtobufException.class,
        () -> reader.readStringRequireUtf8(new Utf8String(), FIELD));
    assertEquals(Reason.INVALID_UTF8, e.reason());
    byte[] good = field(0, "ok".getBytes(StandardCharsets.US_ASCII));
    Utf8String value = new Utf8String();
    ProtoReader.newInstance().setZeroCopy(true).wrap(ByteBuffer.allocateDirect(3).put(good).flip())
        .readStringRequireUtf8(value, FIELD);
    assertFalse(value.refersToInput());
    assertEquals("ok", value.toString());
  }

  @Test
  void thePrinterShowsAnInvalidZeroCopyStringAsBytesInsteadOfThrowing() throws Exception {
    Utf8String value = new Utf8String();
    zeroCopy(field(0, new byte[] {'a', (byte) 0xC0}), 0).readStringRequireUtf8(value, FIELD);
    ProtoPrinter printer = new ProtoPrinter();
    printer.string("name", value);
    assertEquals("name: \"a\\300\"\n", printer.toString());
  }
}
