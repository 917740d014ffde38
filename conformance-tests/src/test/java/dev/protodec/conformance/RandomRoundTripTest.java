package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * (a) Random messages of every schema: protobuf-java encodes, protodec parses, every field reads back
 * equal, protodec re-encodes byte-identically (or, with map entries, to the same message), and
 * protobuf-java parses protodec's bytes to an equal message.
 */
class RandomRoundTripTest {
  static final int MESSAGES_PER_SCHEMA = 500;

  @ParameterizedTest
  @EnumSource(Schema.class)
  void randomMessagesRoundTrip(Schema schema) throws Exception {
    RandomFiller withMaps = new RandomFiller(schema.seed(), schema.options);
    // half of the messages without maps, so that byte identity is checked on the most shapes
    RandomFiller withoutMaps = new RandomFiller(~schema.seed(), schema.options.withoutMaps());
    int nonEmpty = 0;
    Coverage coverage = new Coverage(schema.prototype.getDescriptorForType());
    for (int i = 0; i < MESSAGES_PER_SCHEMA; i++) {
      Message message = (i % 2 == 0 ? withMaps : withoutMaps).next(schema.prototype);
      if (message.getSerializedSize() > 0) {
        nonEmpty++;
      }
      coverage.record(message);
      try {
        RoundTrip.check(message);
      } catch (Exception | AssertionError e) {
        throw new AssertionError(schema + " message #" + i + " (seed " + schema.seed() + "): "
            + e.getMessage(), e);
      }
    }
    assertTrue(nonEmpty > MESSAGES_PER_SCHEMA * 9 / 10, "the filler made mostly empty messages");
    // the random messages set every field of every message type reachable from the root
    assertTrue(coverage.missing().isEmpty(), () -> "fields never set: " + coverage.missing());
  }
}
