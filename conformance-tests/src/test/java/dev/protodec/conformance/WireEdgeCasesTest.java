package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protodec.conformance.fast.proto2.AllTypesProto2.AllTypes2;
import dev.protodec.conformance.fast.proto2.AllTypesProto2.Suit;
import dev.protodec.conformance.fast.proto3.AllTypes3;
import dev.protodec.conformance.fast.proto3.Color;
import dev.protodec.conformance.fast.proto3.Node;
import dev.protodec.runtime.InvalidProtobufException;
import dev.protodec.runtime.InvalidProtobufException.Reason;
import dev.protodec.runtime.ProtoMessage;
import dev.protodec.runtime.ProtoReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * (g) Specific wire-format cases, each checked against protobuf-java's verdict and then against
 * protodec's documented behaviour. The imported message classes are protodec's; protobuf-java's are
 * reached through the {@code JAVA_*} prototypes.
 */
class WireEdgeCasesTest {
  static final Message JAVA_ALL3 = dev.protodec.conformance.proto3.AllTypes3.getDefaultInstance();
  static final Message JAVA_ALL2 =
      dev.protodec.conformance.proto2.AllTypesProto2.AllTypes2.getDefaultInstance();
  static final Message JAVA_NODE = dev.protodec.conformance.proto3.Node.getDefaultInstance();
  static final Message JAVA_FILE = FileDescriptorProto.getDefaultInstance();

  /** The required fields of AllTypes2 (required_int32 = 1, required_string = ""), to prefix inputs. */
  static final String REQUIRED2 = "08 01 12 00";

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** Both reject; protodec with an InvalidProtobufException naming an offset inside the input. */
  static InvalidProtobufException bothReject(Message prototype, byte[] input) {
    assertThrows(InvalidProtocolBufferException.class, () -> prototype.getParserForType().parseFrom(input),
        () -> "protobuf-java should reject " + Hex.of(input));
    Exception e = assertThrows(Exception.class, () -> FastType.of(prototype).parseFrom(input),
        () -> "protodec should reject " + Hex.of(input));
    InvalidProtobufException invalid = assertInstanceOf(InvalidProtobufException.class, e,
        () -> "wrong exception type for " + Hex.of(input));
    assertTrue(invalid.offset() >= 0 && invalid.offset() <= input.length,
        "offset " + invalid.offset() + " for an input of " + input.length);
    return invalid;
  }

  static InvalidProtobufException bothReject(Message prototype, String hex) {
    return bothReject(prototype, Hex.parse(hex));
  }

  /** Both accept and read the same fields; protodec re-encodes to what protobuf-java re-encodes. */
  static ProtoMessage<?> bothAccept(Message prototype, byte[] input) throws Exception {
    Message java = prototype.getParserForType().parseFrom(input);
    ProtoMessage<?> fast = FastType.of(prototype).parseFrom(input);
    Mirror.assertMirrors(java, fast);
    assertArrayEquals(java.toByteArray(), fast.toByteArray(), () -> "re-encoding of " + Hex.of(input));
    return fast;
  }

  static ProtoMessage<?> bothAccept(Message prototype, String hex) throws Exception {
    return bothAccept(prototype, Hex.parse(hex));
  }

  /** {@code node { node { ... } }}, {@code depth} levels below the top-level message. */
  static byte[] nodeChain(int depth) {
    byte[] message = new byte[0];
    for (int i = 0; i < depth; i++) {
      message = lengthDelimited(1, message);
    }
    return message;
  }

  /** {@code depth} unknown groups (field 1000) nested in each other. */
  static byte[] unknownGroups(int depth) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < depth; i++) {
      out.writeBytes(Hex.parse("c3 3e"));  // tag 1000, start group
    }
    for (int i = 0; i < depth; i++) {
      out.writeBytes(Hex.parse("c4 3e"));  // tag 1000, end group
    }
    return out.toByteArray();
  }

  static byte[] lengthDelimited(int fieldNumber, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeVarint(out, fieldNumber << 3 | 2);
    writeVarint(out, body.length);
    out.writeBytes(body);
    return out.toByteArray();
  }

  static void writeVarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  static boolean javaAccepts(Message prototype, byte[] input) {
    try {
      prototype.getParserForType().parseFrom(input);
      return true;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // varints, lengths, tags, wire types

  @Test
  void varintOfElevenBytesIsRejected() throws Exception {
    // singular_int32 (field 3): ten continuation bytes, then a last one
    bothReject(JAVA_ALL3, "18 ff ff ff ff ff ff ff ff ff ff 01");
    // the same in a length: singular_string (field 14)
    bothReject(JAVA_ALL3, "72 ff ff ff ff ff ff ff ff ff ff 01");
    // ten bytes is the most there can be, and accepted: -1
    AllTypes3 ten = (AllTypes3) bothAccept(JAVA_ALL3, "18 ff ff ff ff ff ff ff ff ff 01");
    assertEquals(-1, ten.getSingularInt32());
    // the tenth byte's excess bits are dropped, as protobuf-java drops them
    bothAccept(JAVA_ALL3, "18 ff ff ff ff ff ff ff ff ff 7f");
    // a 32-bit field keeps the low 32 bits of a larger varint
    AllTypes3 wide = (AllTypes3) bothAccept(JAVA_ALL3, "18 80 80 80 80 10");
    assertEquals(0, wide.getSingularInt32());
  }

  @Test
  void tenByteVarintWhoseLastByteContinuesIsJudgedLikeProtobufJava() throws Exception {
    // protobuf-java reads at most ten bytes of a 64-bit varint and ignores the tenth byte's
    // continuation bit: singular_int64 (field 4) = Long.MIN_VALUE, then singular_int32 (3) = 1
    byte[] input = Hex.parse("20 80 80 80 80 80 80 80 80 80 83 18 01");
    AllTypes3 fast = (AllTypes3) bothAccept(JAVA_ALL3, input);
    assertEquals(Long.MIN_VALUE, fast.getSingularInt64());
    assertEquals(1, fast.getSingularInt32());
    // an unknown varint (field 1000): protobuf-java re-encodes it canonically (ending in 01), protodec
    // keeps the bytes it read; both mean the same value
    byte[] unknown = Hex.parse("c0 3e 80 80 80 80 80 80 80 80 80 ff");
    Message java = JAVA_ALL3.getParserForType().parseFrom(unknown);
    ProtoMessage<?> kept = FastType.of(JAVA_ALL3).parseFrom(unknown);
    assertArrayEquals(unknown, kept.toByteArray());
    assertEquals(java, JAVA_ALL3.getParserForType().parseFrom(kept.toByteArray()));
    // for 32-bit varints (int32, enums, lengths, tags) protobuf-java rejects it
    bothReject(JAVA_ALL3, "18 80 80 80 80 80 80 80 80 80 83 18 01");
    bothReject(JAVA_ALL3, "e0 03 80 80 80 80 80 80 80 80 80 83");
  }

  @Test
  void negativeLengthIsRejected() {
    bothReject(JAVA_ALL3, "72 ff ff ff ff ff ff ff ff ff 01");  // -1 as a 10-byte varint
    bothReject(JAVA_ALL3, "72 ff ff ff ff 0f");  // 0xffffffff
    bothReject(JAVA_ALL3, "72 80 80 80 80 08");  // Integer.MIN_VALUE
    bothReject(JAVA_ALL3, "b2 04 ff ff ff ff 0f");  // a nested message (field 70)
    bothReject(JAVA_ALL3, "8a 02 ff ff ff ff 0f");  // a packed field (33)
    bothReject(JAVA_ALL3, "c2 3e ff ff ff ff 0f");  // an unknown field (1000)
  }

  @Test
  void lengthPastTheEndIsRejected() {
    bothReject(JAVA_ALL3, "72 05 61 62");
    bothReject(JAVA_ALL3, "7a 01");  // bytes, nothing after the length
    bothReject(JAVA_ALL3, "b2 04 05 18 01");  // nested message longer than the input
    bothReject(JAVA_ALL3, "b2 04 02 72 05 61 62 63 64 65");  // inner length past the nested message
    bothReject(JAVA_ALL3, "8a 02 03 01 02");  // packed
    bothReject(JAVA_ALL3, "c2 3e 04 00");  // unknown
    bothReject(JAVA_ALL3, "09 00 00 00");  // fixed64 cut short
    bothReject(JAVA_ALL3, "15 00 00");  // fixed32 cut short
    bothReject(JAVA_ALL3, "18");  // tag without value
    bothReject(JAVA_ALL3, "18 80");  // varint cut short
  }

  @Test
  void fieldNumberZeroIsRejected() {
    bothReject(JAVA_ALL3, "00 00");
    bothReject(JAVA_ALL3, "02 00");  // field 0, length-delimited
    bothReject(JAVA_ALL3, "80 00 00");  // a two-byte tag that still says field 0
    bothReject(JAVA_ALL3, "18 01 00");  // after a valid field
    bothReject(JAVA_ALL3, "b2 04 01 00");  // inside a nested message
  }

  @Test
  void wireTypesSixAndSevenAreRejected() {
    bothReject(JAVA_ALL3, "1e 00");  // field 3, wire type 6
    bothReject(JAVA_ALL3, "1f 00");  // field 3, wire type 7
    bothReject(JAVA_ALL3, "c6 3e 00");  // unknown field 1000, wire type 6
    bothReject(JAVA_ALL3, "c7 3e 00");  // unknown field 1000, wire type 7
    bothReject(JAVA_ALL2, REQUIRED2 + " 1e 00");
    bothReject(JAVA_ALL3, "c3 3e 1f 00 c4 3e");  // inside an unknown group
  }

  @Test
  void endGroupWithoutStartIsRejected() {
    bothReject(JAVA_ALL3, "1c");  // end-group of field 3 at the top level
    bothReject(JAVA_ALL3, "18 01 c4 3e");  // end-group of an unknown field
    bothReject(JAVA_ALL3, "b2 04 01 1c");  // inside a nested message
    bothReject(JAVA_ALL2, REQUIRED2 + " a4 06");  // end-group of the OptionalGroup field (100)
  }

  @Test
  void mismatchedEndGroupIsRejected() throws Exception {
    // OptionalGroup (100) closed by the end-group of 101
    bothReject(JAVA_ALL2, REQUIRED2 + " a3 06 ac 06");
    // InnerGroup (103) inside OptionalGroup closed by OptionalGroup's end
    bothReject(JAVA_ALL2, REQUIRED2 + " a3 06 bb 06 a4 06");
    // an unknown group (1000) closed by 1001's end
    bothReject(JAVA_ALL3, "c3 3e cc 3e");
    // a group that never ends
    bothReject(JAVA_ALL2, REQUIRED2 + " a3 06 d8 06 01");
    bothReject(JAVA_ALL3, "c3 3e");
    // and the matching ones are fine
    bothAccept(JAVA_ALL2, REQUIRED2 + " a3 06 bb 06 c0 06 03 bc 06 a4 06");
    bothAccept(JAVA_ALL3, "c3 3e cb 3e cc 3e c4 3e");
  }

  @Test
  void unknownLengthDelimitedFieldIsSkippedAndKept() throws Exception {
    // unknown field 1000, three bytes "abc", then singular_int32 (3) = 5
    AllTypes3 fast = (AllTypes3) bothAccept(JAVA_ALL3, "c2 3e 03 61 62 63 18 05");
    assertEquals(5, fast.getSingularInt32());
    assertArrayEquals(Hex.parse("c2 3e 03 61 62 63"), fast.getUnknownFields().toByteArray());
    bothAccept(JAVA_ALL3, "c2 3e 00");  // empty
    bothAccept(JAVA_NODE, "22 00 c2 3e 80 01 " + "00 ".repeat(128) + "18 01");  // two-byte length
    // inside a nested message (field 70) and inside an unknown group
    bothAccept(JAVA_ALL3, "b2 04 05 c2 3e 02 08 01");
    bothAccept(JAVA_ALL3, "c3 3e 0a 01 7f c4 3e");
  }

  @Test
  void largestFieldNumberIsWrittenWithAFiveByteTag() throws Exception {
    // 536870911 << 3 | 2 does not fit a positive int: the tag is 0xfffffffa, five bytes
    byte[] expected = Hex.parse("fa ff ff ff 0f 01 61");
    AllTypes3 built = AllTypes3.newInstance().setMaxFieldNumber("a");
    assertEquals(expected.length, built.getSerializedSize());
    assertArrayEquals(expected, built.toByteArray());
    bothAccept(JAVA_ALL3, expected);
    AllTypes2 proto2 = AllTypes2.newInstance().setRequiredInt32(1).setRequiredString("")
        .setMaxFieldNumber(3L);
    assertArrayEquals(Hex.parse(REQUIRED2 + " f8 ff ff ff 0f 03"), proto2.toByteArray());
    // the largest number of a field written as unknown, and as an unknown group's end tag
    bothAccept(JAVA_NODE, "f8 ff ff ff 0f 01");
    bothAccept(JAVA_NODE, "fb ff ff ff 0f fc ff ff ff 0f");
  }

  /**
   * The last oneof member on the wire wins; a message member that comes back after another member
   * starts empty. protobuf-java's DynamicMessage does this; its generated parser instead merges into
   * the message it saw first (a stale builder, see KnownDisagreement.PROTOBUF_JAVA_STALE_ONEOF_MESSAGE).
   */
  @Test
  void oneofMessageMemberThatComesBackStartsEmpty() throws Exception {
    // choice_nested { numbers: [1] }, choice_sint64: -1, choice_nested { label: "j" }
    byte[] input = Hex.parse("f2 06 03 22 01 02 a8 07 01 f2 06 03 1a 01 6a");
    AllTypes3 fast = AllTypes3.parseFrom(input);
    assertEquals(AllTypes3.ChoiceCase.CHOICE_NESTED, fast.getChoiceCase());
    assertEquals("j", fast.getChoiceNested().getLabel());
    assertEquals(0, fast.getChoiceNested().getNumbersCount());
    var dynamic = com.google.protobuf.DynamicMessage.parseFrom(JAVA_ALL3.getDescriptorForType(), input);
    assertEquals(dynamic, com.google.protobuf.DynamicMessage.parseFrom(JAVA_ALL3.getDescriptorForType(),
        fast.toByteArray()));
    // the same member twice in a row merges, as everywhere
    AllTypes3 merged = (AllTypes3) bothAccept(JAVA_ALL3, "f2 06 03 22 01 02 f2 06 03 1a 01 6a");
    assertEquals(1, merged.getChoiceNested().getNumbersCount());
  }

  // ---------------------------------------------------------------------------------------------
  // UTF-8

  @Test
  void invalidUtf8InProto3StringIsRejected() {
    bothReject(JAVA_ALL3, "72 02 c3 28");  // singular_string
    bothReject(JAVA_ALL3, "ea 01 01 ff");  // optional_string
    bothReject(JAVA_ALL3, "e2 02 03 ed a0 80");  // repeated_string: an encoded surrogate
    bothReject(JAVA_ALL3, "82 07 02 c0 80");  // choice_string: overlong NUL
    bothReject(JAVA_ALL3, "da 05 04 0a 02 c3 28");  // map_string_string key
    bothReject(JAVA_ALL3, "da 05 06 0a 00 12 02 f8 88");  // map_string_string value
  }

  @Test
  void invalidUtf8InProto2StringIsAcceptedAndKept() throws Exception {
    byte[] input = Hex.parse(REQUIRED2 + " 82 01 02 c3 28");  // optional_string = c3 28
    AllTypes2 fast = (AllTypes2) bothAccept(JAVA_ALL2, input);
    assertArrayEquals(Hex.parse("c3 28"), fast.getOptionalStringUtf8().toUtf8Bytes());
    assertArrayEquals(input, fast.toByteArray(), "the raw bytes are written back unchanged");
    bothAccept(JAVA_ALL2, REQUIRED2 + " fa 03 03 ed a0 80");  // repeated_string (63)
    bothAccept(JAVA_ALL2, REQUIRED2 + " 9a 08 01 ff");  // choice_string (131)
  }

  @Test
  void invalidUtf8InProto2MapStringIsJudgedLikeProtobufJava() throws Exception {
    // map_sint64_string (122): protobuf-java checks map entry strings even in proto2
    byte[] input = Hex.parse(REQUIRED2 + " d2 07 04 08 02 12 00 d2 07 06 08 04 12 02 c3 28");
    if (javaAccepts(JAVA_ALL2, input)) {
      bothAccept(JAVA_ALL2, input);
    } else {
      bothReject(JAVA_ALL2, input);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // recursion

  @Test
  void nestedMessages100DeepAreAcceptedAnd101Rejected() throws Exception {
    assertEquals(ProtoReader.DEFAULT_RECURSION_LIMIT, 100);
    // protobuf-java's default recursion limit is 100 too: the verdicts must match at the border
    for (int depth = 95; depth <= 105; depth++) {
      byte[] input = nodeChain(depth);
      boolean java = javaAccepts(JAVA_NODE, input);
      assertEquals(depth <= 100, java, "protobuf-java at depth " + depth);
      if (java) {
        bothAccept(JAVA_NODE, input);
      } else {
        assertEquals(Reason.RECURSION_LIMIT, bothReject(JAVA_NODE, input).reason());
      }
    }
    Node deepest = Node.parseFrom(nodeChain(100));
    int levels = 0;
    for (Node n = deepest; n.hasNode(); n = n.getNode()) {
      levels++;
    }
    assertEquals(100, levels);
  }

  @Test
  void recursionThroughRepeatedFieldsAndGroupsIsLimitedLikeProtobufJava() throws Exception {
    for (int depth = 98; depth <= 102; depth++) {
      // Node.nodes (repeated, field 2)
      byte[] repeated = new byte[0];
      for (int i = 0; i < depth; i++) {
        repeated = lengthDelimited(2, repeated);
      }
      // AllTypes2: 40 levels of recursive (92) messages; in the innermost, OptionalGroup (100) holding
      // InnerGroup (103) holding unknown groups (1000) for the rest of the depth
      ByteArrayOutputStream innermost = new ByteArrayOutputStream();
      innermost.writeBytes(Hex.parse(REQUIRED2 + " a3 06 bb 06"));
      innermost.writeBytes(unknownGroups(depth - 42));
      innermost.writeBytes(Hex.parse("bc 06 a4 06"));
      byte[] mixed = innermost.toByteArray();
      for (int i = 0; i < 40; i++) {
        ByteArrayOutputStream level = new ByteArrayOutputStream();
        level.writeBytes(Hex.parse(REQUIRED2));
        level.writeBytes(lengthDelimited(92, mixed));
        mixed = level.toByteArray();
      }
      for (Object[] c : List.of(new Object[] {JAVA_NODE, repeated}, new Object[] {JAVA_ALL2, mixed})) {
        Message prototype = (Message) c[0];
        byte[] input = (byte[]) c[1];
        boolean java = javaAccepts(prototype, input);
        assertEquals(depth <= 100, java, "protobuf-java at depth " + depth);
        if (java) {
          bothAccept(prototype, input);
        } else {
          bothReject(prototype, input);
        }
      }
    }
  }

  @Test
  void unknownGroupsNestedPastTheLimitAreRejected() throws Exception {
    for (int depth = 98; depth <= 102; depth++) {
      byte[] input = unknownGroups(depth);
      boolean java = javaAccepts(JAVA_NODE, input);
      if (java) {
        assertTrue(depth <= 100);
        bothAccept(JAVA_NODE, input);
      } else {
        bothReject(JAVA_NODE, input);
      }
    }
    assertFalse(javaAccepts(JAVA_NODE, unknownGroups(101)), "protobuf-java limits unknown groups too");
    bothReject(JAVA_NODE, unknownGroups(101));
    bothReject(JAVA_NODE, unknownGroups(5000));
  }

  /** Regression: a long run of start-group tags is a recursion error, not a StackOverflowError. */
  @Test
  void twoHundredThousandStartGroupTagsAreRejected() throws Exception {
    byte[] input = new byte[200_000];
    Arrays.fill(input, (byte) 0x0B);  // field 1, start group
    for (Message prototype : List.of(JAVA_NODE, JAVA_ALL3, JAVA_ALL2, JAVA_FILE)) {
      InvalidProtobufException e = bothReject(prototype, input);
      assertEquals(Reason.RECURSION_LIMIT, e.reason(), e.getMessage());
      FastType fast = FastType.of(prototype);
      assertInstanceOf(InvalidProtobufException.class,
          assertThrows(Exception.class, () -> fast.parseFrom(new ByteArrayInputStream(input))));
      ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
      assertInstanceOf(InvalidProtobufException.class,
          assertThrows(Exception.class, () -> fast.parseFrom(direct)));
      assertInstanceOf(InvalidProtobufException.class,
          assertThrows(Exception.class, () -> fast.parsePartialFrom(input)));
    }
    // the same run inside a group field that is known (AllTypes2.OptionalGroup, 100)
    byte[] known = new byte[2 + 200_000];
    known[0] = (byte) 0xa3;
    known[1] = 0x06;
    Arrays.fill(known, 2, known.length, (byte) 0x0B);
    bothReject(JAVA_ALL2, known);
  }

  // ---------------------------------------------------------------------------------------------
  // required fields

  @Test
  void missingRequiredFieldsAreNamedWithTheirPath() throws Exception {
    var card = dev.protodec.conformance.proto2.AllTypesProto2.Card.newBuilder();
    var suit = dev.protodec.conformance.proto2.AllTypesProto2.Suit.HEARTS;
    var partial =
        dev.protodec.conformance.proto2.AllTypesProto2.AllTypes2.newBuilder()
            .setRequiredInt32(7)  // required_string missing
            .setCard(card.clone().setSuit(suit)
                .setNext(card.clone().setRank(2).buildPartial())  // card.next.suit missing
                .buildPartial())  // card.rank missing
            .addCards(card.clone().setRank(1).buildPartial())  // cards[0].suit missing
            .setRecursive(dev.protodec.conformance.proto2.AllTypesProto2.AllTypes2.newBuilder()
                .setRequiredString("x").buildPartial())  // recursive.required_int32 missing
            .buildPartial();
    byte[] input = partial.toByteArray();
    List<String> javaPaths = partial.findInitializationErrors();
    assertEquals(List.of("required_string", "card.rank", "card.next.suit", "cards[0].suit",
        "recursive.required_int32"), javaPaths, "protobuf-java's paths");

    InvalidProtocolBufferException javaError = assertThrows(InvalidProtocolBufferException.class,
        () -> JAVA_ALL2.getParserForType().parseFrom(input));
    assertTrue(javaError.getMessage().contains("missing required fields"));
    Exception e = assertThrows(Exception.class, () -> AllTypes2.parseFrom(input));
    InvalidProtobufException invalid = assertInstanceOf(InvalidProtobufException.class, e);
    assertEquals(Reason.MISSING_REQUIRED, invalid.reason());
    // the message names every missing field, for the person reading it
    for (String path : javaPaths) {
      assertTrue(invalid.getMessage().contains(path), "'" + path + "' not named in: " + invalid.getMessage());
    }

    AllTypes2 fast = AllTypes2.parsePartialFrom(input);
    assertFalse(fast.isInitialized());
    assertFalse(fast.getCard().isInitialized());
    assertTrue(fast.getCard().getNext().hasRank());
    Mirror.assertMirrors(JAVA_ALL2.getParserForType().parsePartialFrom(input), fast);
    assertArrayEquals(input, fast.toByteArray());

    // once the fields are set, the message is initialized and parseFrom accepts its encoding
    fast.setRequiredString("");
    fast.mutableCard().setRank(1);
    fast.getCard().mutableNext().setSuit(Suit.CLUBS);
    fast.getCards(0).setSuit(Suit.SPADES);
    fast.mutableRecursive().setRequiredInt32(0);
    assertTrue(fast.isInitialized());
    assertEquals(fast, AllTypes2.parseFrom(fast.toByteArray()));
  }

  @Test
  void missingRequiredFieldInAMapValueIsJudgedLikeProtobufJava() throws Exception {
    // map_string_card (121) { key "k", value Card { suit: HEARTS } } -- Card.rank is missing
    byte[] input = Hex.parse(REQUIRED2 + " ca 07 07 0a 01 6b 12 02 10 03");
    if (javaAccepts(JAVA_ALL2, input)) {
      bothAccept(JAVA_ALL2, input);
    } else {
      InvalidProtobufException e =
          assertInstanceOf(InvalidProtobufException.class,
              assertThrows(Exception.class, () -> AllTypes2.parseFrom(input)));
      assertEquals(Reason.MISSING_REQUIRED, e.reason(), e.getMessage());
      AllTypes2.parsePartialFrom(input);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // limits

  @Test
  void recursionLimitTakesEffect() throws Exception {
    byte[] ten = nodeChain(10);
    // protobuf-java with the same limits
    CodedInputStream java10 = CodedInputStream.newInstance(ten);
    java10.setRecursionLimit(10);
    dev.protodec.conformance.proto3.Node.parseFrom(java10);
    CodedInputStream java9 = CodedInputStream.newInstance(ten);
    java9.setRecursionLimit(9);
    assertThrows(InvalidProtocolBufferException.class,
        () -> dev.protodec.conformance.proto3.Node.parseFrom(java9));

    Node node = ProtoReader.newInstance().setRecursionLimit(10).wrap(ten).parseInto(Node.newInstance());
    assertEquals(Node.parseFrom(ten), node);
    InvalidProtobufException e = assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setRecursionLimit(9).wrap(ten).parseInto(Node.newInstance()));
    assertEquals(Reason.RECURSION_LIMIT, e.reason(), e.getMessage());
    assertTrue(e.offset() >= 0, e.getMessage());
    // a raised limit lets deeper messages through
    byte[] deep = nodeChain(150);
    assertThrows(InvalidProtobufException.class, () -> Node.parseFrom(deep));
    ProtoReader.newInstance().setRecursionLimit(150).wrap(deep).parseInto(Node.newInstance());
    // unknown groups count too
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setRecursionLimit(3).wrap(unknownGroups(4)).parseInto(Node.newInstance()));
    ProtoReader.newInstance().setRecursionLimit(4).wrap(unknownGroups(4)).parseInto(Node.newInstance());
    // limit 0: only the top-level message
    ProtoReader.newInstance().setRecursionLimit(0).wrap(Hex.parse("18 05")).parseInto(Node.newInstance());
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setRecursionLimit(0).wrap(nodeChain(1)).parseInto(Node.newInstance()));
  }

  @Test
  void sizeLimitTakesEffect() throws Exception {
    byte[] input = nodeChain(20);
    int n = input.length;
    ProtoReader.newInstance().setSizeLimit(n).wrap(input).parseInto(Node.newInstance());
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setSizeLimit(n - 1).wrap(input));
    ByteBuffer direct = ByteBuffer.allocateDirect(n).put(input).flip();
    ProtoReader.newInstance().setSizeLimit(n).wrap(direct).parseInto(Node.newInstance());
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setSizeLimit(n - 1).wrap(direct));
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setSizeLimit(n - 1).wrap(ByteBuffer.wrap(input)));
    ProtoReader.newInstance().setSizeLimit(n).wrap(new ByteArrayInputStream(input)).parseInto(Node.newInstance());
    assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setSizeLimit(n - 1).wrap(new ByteArrayInputStream(input)));
    // a big stream is stopped at the limit, not read to its end first
    byte[] big = new byte[1 << 20];
    InvalidProtobufException e = assertThrows(InvalidProtobufException.class,
        () -> ProtoReader.newInstance().setSizeLimit(1000).wrap(new ByteArrayInputStream(big)));
    assertEquals(Reason.SIZE_LIMIT, e.reason(), e.getMessage());
  }

  // ---------------------------------------------------------------------------------------------
  // enums

  @Test
  void closedEnumUnknownValueGoesToUnknownFieldsAndSurvivesReencoding() throws Exception {
    // optional_suit (18) = 77, which Suit does not have
    byte[] input = Hex.parse(REQUIRED2 + " 90 01 4d");
    AllTypes2 fast = (AllTypes2) bothAccept(JAVA_ALL2, input);
    assertFalse(fast.hasOptionalSuit());
    assertEquals(Suit.CLUBS, fast.getOptionalSuit());
    assertArrayEquals(Hex.parse("90 01 4d"), fast.getUnknownFields().toByteArray());
    assertArrayEquals(input, fast.toByteArray());

    // repeated (65, unpacked) and packed (83): known values stay, unknown ones go to the unknown fields
    bothAccept(JAVA_ALL2, REQUIRED2 + " 88 04 03 88 04 63 88 04 01");
    AllTypes2 packed = (AllTypes2) bothAccept(JAVA_ALL2, REQUIRED2 + " 9a 05 04 01 63 7f 04");
    assertEquals(List.of(Suit.CLUBS, Suit.SPADES),
        List.of(packed.getPackedSuit(0), packed.getPackedSuit(1)));
    assertEquals(2, packed.getPackedSuitCount());
    // a negative unknown number (-5, ten bytes)
    bothAccept(JAVA_ALL2, REQUIRED2 + " 90 01 fb ff ff ff ff ff ff ff ff 01");
    // in a oneof (choice_suit, 134), in a group (InnerGroup.inner_suits, 105), as a map value
    // (map_int32_size, 120: the whole entry becomes unknown)
    bothAccept(JAVA_ALL2, REQUIRED2 + " b0 08 09");
    bothAccept(JAVA_ALL2, REQUIRED2 + " a3 06 bb 06 c8 06 2a bc 06 a4 06");
    bothAccept(JAVA_ALL2, REQUIRED2 + " c2 07 04 08 01 10 07 c2 07 04 08 02 10 05");
    // a known value in the aliased enum reads as the first name of its number
    AllTypes2 alias = (AllTypes2) bothAccept(JAVA_ALL2, REQUIRED2 + " 90 01 04");
    assertEquals(Suit.SPADES, alias.getOptionalSuit());
    assertEquals(Suit.SPADES, alias.getDefaultSuitAlias());
  }

  @Test
  void openEnumUnknownValueReadsBackAsNumberAndUnrecognized() throws Exception {
    // color (60) = 77
    byte[] input = Hex.parse("e0 03 4d");
    AllTypes3 fast = (AllTypes3) bothAccept(JAVA_ALL3, input);
    assertEquals(77, fast.getColorValue());
    assertEquals(Color.UNRECOGNIZED, fast.getColor());
    assertTrue(fast.getUnknownFields().isEmpty());
    assertArrayEquals(input, fast.toByteArray());
    // negative numbers, known and unknown
    AllTypes3 negative = (AllTypes3) bothAccept(JAVA_ALL3, "e0 03 ff ff ff ff ff ff ff ff ff 01");
    assertEquals(Color.COLOR_INFRARED, negative.getColor());
    bothAccept(JAVA_ALL3, "e0 03 fb ff ff ff ff ff ff ff ff 01");
    bothAccept(JAVA_ALL3, "e0 03 80 80 80 80 f8 ff ff ff ff 01");  // the smallest int32
    // repeated, and as a map value (map_string_color, 95)
    AllTypes3 list = (AllTypes3) bothAccept(JAVA_ALL3, "fa 03 03 01 4d 02");
    assertEquals(Color.UNRECOGNIZED, list.getPackedColor(1));
    assertEquals(77, list.getPackedColorList().get(1));
    bothAccept(JAVA_ALL3, "fa 05 05 0a 01 61 10 4d");
    // and the setter for numbers
    AllTypes3 built = AllTypes3.newInstance().setColorValue(77);
    assertArrayEquals(input, built.toByteArray());
  }

  @Test
  void accessorNamesOfCollidingFieldsFollowTheDocs() throws Exception {
    AllTypes3 m = AllTypes3.newInstance()
        .setClass_(1).setDo("do").setInt(true).setHashCode(5L).setDefault("d").setString("s")
        .setField2B(2).setAB(3);
    var java = dev.protodec.conformance.proto3.AllTypes3.newBuilder()
        .setClass_(1).setDo("do").setInt(true).setHashCode(5L).setDefault("d").setString("s")
        .setField2B(2).setAB(3).build();
    assertArrayEquals(java.toByteArray(), m.toByteArray());
    assertEquals(m.getClass_(), 1);
    assertEquals(AllTypes3.CLASS_FIELD_NUMBER, 120);
    assertEquals(AllTypes3.MAX_FIELD_NUMBER_FIELD_NUMBER, 536870911);
    // descriptor.proto's FieldDescriptorProto.type_name clashes with ProtoMessage.getTypeName()
    var field = dev.protodec.conformance.wkt.DescriptorProtos.FieldDescriptorProto.newInstance()
        .setTypeName_(".foo.Bar");
    assertEquals(".foo.Bar", field.getTypeName_());
    assertEquals("google.protobuf.FieldDescriptorProto", field.getTypeName());
    assertEquals(ByteString.copyFrom(field.toByteArray()),
        com.google.protobuf.DescriptorProtos.FieldDescriptorProto.newBuilder().setTypeName(".foo.Bar")
            .build().toByteString());
  }
}
