package dev.protodec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.runtime.InvalidProtobufException.Reason;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {

  private static ProtoReader reader(int... bytes) throws InvalidProtobufException {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return ProtoReader.of(b);
  }

  @Test
  void readsVarintsOfEveryLengthAndKeepsTheLow32BitsForInt32() throws Exception {
    for (long value : new long[] {0, 1, 127, 128, 300, 16383, 16384, Integer.MAX_VALUE, -1L, Long.MIN_VALUE,
        Long.MAX_VALUE, 1L << 35}) {
      ProtoWriter w = ProtoWriter.newInstance(16);
      w.writeRawVarint64(value);
      assertEquals(ProtoSizes.varint64(value), w.size());
      assertEquals(value, ProtoReader.of(w.toByteArray()).readRawVarint64());
      assertEquals((int) value, ProtoReader.of(w.toByteArray()).readRawVarint32());
    }
  }

  @Test
  void rejectsAnElevenByteVarintAndATruncatedOne() throws Exception {
    InvalidProtobufException tooLong = assertThrows(InvalidProtobufException.class,
        () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01).readRawVarint32());
    assertEquals(Reason.MALFORMED_VARINT, tooLong.reason());
    assertEquals(0, tooLong.offset());
    InvalidProtobufException truncated =
        assertThrows(InvalidProtobufException.class, () -> reader(0x96).readRawVarint32());
    assertEquals(Reason.TRUNCATED, truncated.reason());
    assertEquals(0, truncated.offset());
  }

  @Test
  void aTenthByteEndsA64BitVarintWhateverItsContinuationBitButNotA32BitOne() throws Exception {
    // protobuf-java's rule: int64/uint64/sint64/bool take the tenth byte as the last
    ProtoReader wide = reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x83, 0x18);
    assertEquals(Long.MIN_VALUE, wide.readRawVarint64());
    assertEquals(0x18, wide.readTag());
    assertThrows(InvalidProtobufException.class,
        () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x83, 0x18).readRawVarint32());
    // ... unless the tenth byte continues with its lowest bit clear, which protobuf-java rejects
    assertThrows(InvalidProtobufException.class,
        () -> reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0xA0, 0x18).readRawVarint64());
    assertEquals(0, reader(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02).readRawVarint64());
    ProtoReader unknown = reader(0x20, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x83, 0x18);
    assertTrue(unknown.skipField(unknown.readTag(), null), "unknown varints follow the 64-bit rule");
    assertEquals(0x18, unknown.readTag());
  }

  @Test
  void skipsAnUnknownLengthDelimitedFieldPastItsLengthAndContent() throws Exception {
    ProtoReader r = reader(0xC2, 0x3E, 0x03, 'a', 'b', 'c', 0x18, 0x05);
    ProtoBytes unknown = new ProtoBytes();
    assertTrue(r.skipField(r.readTag(), unknown));
    assertEquals(6, unknown.length());
    assertEquals(0x18, r.readTag());
    assertEquals(5, r.readInt32());
  }

  @Test
  void tagsWithFieldNumberZeroAndWireTypesSixAndSevenAreRejectedWithTheirOffset() throws Exception {
    ProtoReader zeroField = reader(0x08, 0x01, 0x02);
    zeroField.readTag();
    zeroField.readInt32();
    InvalidProtobufException zero = assertThrows(InvalidProtobufException.class, zeroField::readTag);
    assertEquals(Reason.INVALID_TAG, zero.reason());
    assertEquals(2, zero.offset());
    ProtoReader r = reader(0x0E);
    int tag = r.readTag();
    InvalidProtobufException wireType = assertThrows(InvalidProtobufException.class, () -> r.skipField(tag, null));
    assertEquals(Reason.INVALID_WIRE_TYPE, wireType.reason());
    assertEquals(0, wireType.offset());
  }

  @Test
  void negativeAndOversizedLengthsAreRejected() throws Exception {
    ProtoWriter w = ProtoWriter.newInstance(16);
    w.writeRawVarint32(0x12); // field 2, length-delimited
    w.writeRawVarint64(-1L); // length -1 as ten bytes
    ProtoReader negative = ProtoReader.of(w.toByteArray());
    InvalidProtobufException e = assertThrows(InvalidProtobufException.class,
        () -> negative.skipField(negative.readTag(), null));
    assertEquals(Reason.BAD_LENGTH, e.reason());
    ProtoReader past = reader(0x12, 0x05, 'a', 'b');
    assertEquals(Reason.TRUNCATED,
        assertThrows(InvalidProtobufException.class, () -> past.skipField(past.readTag(), null)).reason());
  }

  @Test
  void unknownGroupsNestedPastTheRecursionLimitAreRejectedWithoutStackOverflow() throws Exception {
    byte[] bomb = new byte[200_000];
    Arrays.fill(bomb, (byte) 0x0B); // start-group of field 1, again and again
    ProtoReader r = ProtoReader.of(bomb);
    InvalidProtobufException e = assertThrows(InvalidProtobufException.class, () -> r.skipField(r.readTag(), null));
    assertEquals(Reason.RECURSION_LIMIT, e.reason());
  }

  @Test
  void groupsSkipToTheirOwnEndTagAndAreCopiedToUnknownFields() throws Exception {
    // group 1 { field 2 = 150 } then field 3 = 1
    ProtoReader r = reader(0x0B, 0x10, 0x96, 0x01, 0x0C, 0x18, 0x01);
    ProtoBytes unknown = new ProtoBytes();
    assertTrue(r.skipField(r.readTag(), unknown));
    assertEquals(5, unknown.length());
    assertEquals(0x18, r.readTag());
    ProtoReader mismatched = reader(0x0B, 0x14);
    InvalidProtobufException e = assertThrows(InvalidProtobufException.class,
        () -> mismatched.skipField(mismatched.readTag(), null));
    assertEquals(Reason.END_GROUP_MISMATCH, e.reason());
  }

  @Test
  void aSizeLimitRejectsLargerInputsFromEverySource() throws Exception {
    byte[] data = new byte[100];
    assertThrows(InvalidProtobufException.class, () -> ProtoReader.newInstance().setSizeLimit(99).wrap(data));
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setSizeLimit(99).wrap(ByteBuffer.allocateDirect(100)));
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setSizeLimit(99).wrap(new ByteArrayInputStream(data)));
    assertFalse(ProtoReader.newInstance().setSizeLimit(100).wrap(new ByteArrayInputStream(data)).isAtEnd());
  }

  @Test
  void directAndHeapBuffersAndStreamsReadTheSameBytesWithoutMovingTheBuffer() throws Exception {
    byte[] data = {0x08, (byte) 0x96, 0x01};
    ByteBuffer direct = ByteBuffer.allocateDirect(5).put(new byte[] {9, 9}).put(data).position(2);
    ByteBuffer heap = ByteBuffer.wrap(new byte[] {7, 0x08, (byte) 0x96, 0x01}).position(1);
    for (ProtoReader r : new ProtoReader[] {ProtoReader.of(direct), ProtoReader.of(heap),
        ProtoReader.of(new ByteArrayInputStream(data))}) {
      assertEquals(8, r.readTag());
      assertEquals(150, r.readInt32());
      assertTrue(r.isAtEnd());
    }
    assertEquals(2, direct.position());
    assertEquals(1, heap.position());
  }

  @Test
  void invalidUtf8IsRejectedOnlyWhereRequired() throws Exception {
    ProtoReader lenient = reader(0x02, 0xC0, 0xAF);
    Utf8String s = new Utf8String();
    lenient.readString(s);
    assertEquals(2, s.utf8Length());
    InvalidProtobufException e = assertThrows(InvalidProtobufException.class,
        () -> reader(0x02, 0xC0, 0xAF).readStringRequireUtf8(new Utf8String(), "pkg.Msg.name"));
    assertEquals(Reason.INVALID_UTF8, e.reason());
    assertEquals(0, e.offset());
    assertTrue(e.getMessage().contains("pkg.Msg.name"), e.getMessage());
  }
}
