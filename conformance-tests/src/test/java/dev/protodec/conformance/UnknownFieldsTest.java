package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.protobuf.Message;
import dev.protodec.runtime.ProtoMessage;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * (b) Unknown fields: a full message parsed with the reduced type (same numbers, fields removed) keeps
 * the removed fields as unknown fields and writes them back exactly as protobuf-java does, so that
 * the full type reads the original message back.
 */
class UnknownFieldsTest {
  static final int MESSAGES = 500;

  static Stream<Arguments> pairs() {
    return Stream.of(Schema.reducedPairs())
        .map(pair -> Arguments.of(pair[0].getDescriptorForType().getName(), pair[0], pair[1]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void reducedTypeKeepsRemovedFieldsAsUnknown(String name, Message full, Message reduced)
      throws Exception {
    // No unknown fields in the full message itself: with them, the input would not be in field-number
    // order, and protobuf-java (which sorts unknown fields by number) could not be byte-identical.
    RandomFiller filler =
        new RandomFiller(name.hashCode(), RandomFiller.Options.full().withoutUnknownFields());
    FastType fastReduced = FastType.of(reduced);
    int withUnknown = 0;
    for (int i = 0; i < MESSAGES; i++) {
      Message original = filler.next(full);
      byte[] bytes = original.toByteArray();
      String context = name + " message #" + i + ", input " + Hex.of(bytes);

      Message javaReduced = reduced.getParserForType().parseFrom(bytes);
      ProtoMessage<?> fast = fastReduced.parseFrom(bytes);
      try {
        Mirror.assertMirrors(javaReduced, fast);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "\n" + context, e);
      }
      if (!fast.getUnknownFields().isEmpty()) {
        withUnknown++;
      }

      byte[] javaAgain = javaReduced.toByteArray();
      byte[] fastAgain = fast.toByteArray();
      assertArrayEquals(javaAgain, fastAgain, () -> "reduced re-encoding differs; " + context
          + "\nprotobuf-java " + Hex.of(javaAgain) + "\nprotodec      " + Hex.of(fastAgain));
      assertEquals(original, full.getParserForType().parseFrom(fastAgain),
          () -> "the full type does not read the original back; " + context);
    }
    assertFalse(withUnknown < MESSAGES / 2, "too few messages had unknown fields: " + withUnknown);
  }
}
