package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.protodec.conformance.fast.proto3.AllTypes3;
import dev.protodec.runtime.InvalidProtobufException;
import dev.protodec.runtime.InvalidProtobufException.Reason;
import dev.protodec.runtime.ProtoReader;
import dev.protodec.runtime.UncheckedInvalidProtobufException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The generated API in zero-copy mode ({@code ProtoReader.setZeroCopy}): values refer to the input,
 * invalid UTF-8 fails at the getter naming the field, {@code detach()} makes the message self-contained.
 * (The differential tests run every input in both modes; this pins down the contract itself.)
 */
class ZeroCopyModeTest {
  private static final ProtoReader ZERO_COPY = ProtoReader.newInstance().setZeroCopy(true);

  private static byte[] sample() {
    return dev.protodec.conformance.proto3.AllTypes3.newBuilder()
        .setSingularString("caf\u00e9.example.")
        .setSingularBytes(ByteString.copyFrom(new byte[] {1, 2, 3}))
        .addRepeatedString("a").addRepeatedString("b")
        .setNested(dev.protodec.conformance.proto3.AllTypes3.Nested.newBuilder().setLabel("inner"))
        .putMapStringString("k", "v")
        .setChoiceString("chosen")
        .build().toByteArray();
  }

  private static AllTypes3 parse(byte[] input) throws InvalidProtobufException {
    return ZERO_COPY.wrap(input).parseInto(AllTypes3.newInstance());
  }

  @Test
  void valuesReferToTheInputAndReadAsInStrictMode() throws Exception {
    byte[] input = sample();
    AllTypes3 zeroCopy = parse(input);
    AllTypes3 strict = AllTypes3.parseFrom(input);
    assertEquals(strict, zeroCopy);
    assertEquals(strict.hashCode(), zeroCopy.hashCode());
    assertEquals(strict.toString(), zeroCopy.toString());
    assertArrayEquals(input, zeroCopy.toByteArray());
    assertTrue(zeroCopy.getSingularStringUtf8().refersToInput());
    assertSame(input, zeroCopy.getSingularStringUtf8().utf8Array());
    assertTrue(zeroCopy.getSingularBytes().refersToInput());
    assertTrue(zeroCopy.getNested().getLabelUtf8().refersToInput());
    assertEquals("caf\u00e9.example.", zeroCopy.getSingularString());
    assertEquals("inner", zeroCopy.getNested().getLabel());
    assertEquals("chosen", zeroCopy.getChoiceString());
    assertEquals("v", zeroCopy.getMapStringStringMap().get("k"));
  }

  @Test
  void detachMakesTheMessageSelfContained() throws Exception {
    byte[] input = sample();
    AllTypes3 expected = AllTypes3.parseFrom(input);
    AllTypes3 message = parse(input).detach();
    Arrays.fill(input, (byte) 0);
    assertFalse(message.getSingularStringUtf8().refersToInput());
    assertFalse(message.getSingularBytes().refersToInput());
    assertFalse(message.getRepeatedStringList().get(1).refersToInput());
    assertFalse(message.getNested().getLabelUtf8().refersToInput());
    assertFalse(message.getChoiceStringUtf8().refersToInput());
    assertEquals(expected, message);
    assertEquals("chosen", message.getChoiceString());
  }

  @Test
  void invalidUtf8FailsAtTheGetterNamingTheField() throws Exception {
    byte[] input = Hex.parse("72 02 c3 28"); // singular_string = c3 28
    InvalidProtobufException strict = assertThrows(InvalidProtobufException.class, () -> AllTypes3.parseFrom(input));
    assertEquals(Reason.INVALID_UTF8, strict.reason());
    assertTrue(strict.getMessage().contains("protodec.conformance.proto3.AllTypes3.singular_string"),
        strict.getMessage());

    AllTypes3 message = parse(input);
    UncheckedInvalidProtobufException e = assertThrows(UncheckedInvalidProtobufException.class,
        message::getSingularString);
    assertEquals(Reason.INVALID_UTF8, e.reason());
    assertTrue(e.getMessage().contains("protodec.conformance.proto3.AllTypes3.singular_string"), e.getMessage());
    // the bytes, the re-encoding and the text form stay available
    assertArrayEquals(Hex.parse("c3 28"), message.getSingularStringUtf8().toUtf8Bytes());
    assertArrayEquals(input, message.toByteArray());
    assertTrue(message.toString().contains("singular_string: \"\\303(\""), message.toString());

    AllTypes3 nested = parse(Hex.parse("da 05 04 0a 02 c3 28")); // a map key
    UncheckedInvalidProtobufException key = assertThrows(UncheckedInvalidProtobufException.class,
        nested::getMapStringStringMap);
    assertTrue(key.getMessage().contains("MapStringStringEntry.key"), key.getMessage());
  }

  @Test
  void malformedInputIsRejectedAsStrictlyAsInTheDefaultMode() {
    for (String hex : new String[] {"72 05 61", "72", "0a ff ff ff ff ff ff ff ff ff ff 01", "07"}) {
      byte[] input = Hex.parse(hex);
      InvalidProtobufException strict = assertThrows(InvalidProtobufException.class, () -> AllTypes3.parseFrom(input));
      InvalidProtobufException zeroCopy = assertThrows(InvalidProtobufException.class, () -> parse(input));
      assertEquals(strict.reason(), zeroCopy.reason(), hex);
      assertEquals(strict.offset(), zeroCopy.offset(), hex);
    }
  }
}
