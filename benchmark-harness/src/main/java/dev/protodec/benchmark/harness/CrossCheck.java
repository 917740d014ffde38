package dev.protodec.benchmark.harness;

import java.util.List;
import java.util.Map;

/**
 * Before anything is timed: every contender's deep walk of every corpus message must push what
 * protobuf-java's pushes, and every encoder's bytes must parse with protobuf-java to the message it was
 * given. The first difference names the contender, the corpus message and the field path.
 */
public final class CrossCheck {
  private CrossCheck() {}

  /** One contender's deep walk of corpus message {@code index}. */
  @FunctionalInterface
  public interface Walk {
    void walk(int index, FieldSink sink) throws Exception;
  }

  /** One contender's encoding of corpus message {@code index}, compared after protobuf-java parses it. */
  @FunctionalInterface
  public interface Encode {
    byte[] encode(int index) throws Exception;
  }

  public static void decoders(Corpus corpus, String type, Walk reference, Map<String, Walk> contenders)
      throws ContenderDisagrees {
    for (int i = 0; i < corpus.messages().size(); i++) {
      RecordingSink expected = new RecordingSink();
      try {
        reference.walk(i, expected);
      } catch (Exception e) {
        throw new ContenderDisagrees(type + ": protobuf-java failed on " + corpus.where(i) + ": " + e);
      }
      for (Map.Entry<String, Walk> contender : contenders.entrySet()) {
        RecordingSink actual = new RecordingSink();
        try {
          contender.getValue().walk(i, actual);
        } catch (Exception e) {
          throw new ContenderDisagrees(type + ": " + contender.getKey() + " failed on " + corpus.where(i) + ": " + e);
        }
        compare(type, contender.getKey(), corpus.where(i), expected.values(), actual.values());
      }
    }
  }

  public static void encoders(Corpus corpus, String type, Walk reparsed, Map<String, Encode> contenders)
      throws ContenderDisagrees {
    for (Map.Entry<String, Encode> contender : contenders.entrySet()) {
      for (int i = 0; i < corpus.messages().size(); i++) {
        byte[] written;
        try {
          written = contender.getValue().encode(i);
        } catch (Exception e) {
          throw new ContenderDisagrees(type + ": " + contender.getKey() + " failed to encode " + corpus.where(i) + ": " + e);
        }
        RecordingSink expected = new RecordingSink();
        RecordingSink actual = new RecordingSink();
        try {
          reparsed.walk(i, expected);
          reparsedBytes(reparsed, written, actual);
        } catch (Exception e) {
          throw new ContenderDisagrees(type + ": " + contender.getKey() + " wrote bytes protobuf-java cannot parse for "
              + corpus.where(i) + ": " + e);
        }
        compare(type, contender.getKey() + " (encoded, parsed by protobuf-java)", corpus.where(i),
            expected.values(), actual.values());
      }
    }
  }

  private static void reparsedBytes(Walk reparsed, byte[] written, RecordingSink sink) throws Exception {
    if (reparsed instanceof BytesWalk bytesWalk) {
      bytesWalk.walkBytes(written, sink);
    } else {
      throw new IllegalArgumentException("the encoders' reference must walk bytes");
    }
  }

  /** A walk that can also read bytes other than the corpus's (the encoders' output). */
  public interface BytesWalk extends Walk {
    void walkBytes(byte[] message, FieldSink sink) throws Exception;
  }

  private static void compare(String type, String contender, String where, List<String> expected, List<String> actual)
      throws ContenderDisagrees {
    int n = Math.min(expected.size(), actual.size());
    for (int k = 0; k < n; k++) {
      if (!expected.get(k).equals(actual.get(k))) {
        throw new ContenderDisagrees(type + ": " + contender + " disagrees with protobuf-java on " + where
            + " at field " + field(expected.get(k)) + ": expected " + expected.get(k) + ", got " + actual.get(k));
      }
    }
    if (expected.size() != actual.size()) {
      String first = expected.size() > n ? expected.get(n) : actual.get(n);
      throw new ContenderDisagrees(type + ": " + contender + " disagrees with protobuf-java on " + where
          + " at field " + field(first) + ": expected " + expected.size() + " values, got " + actual.size()
          + (expected.size() > n ? "; first missing: " : "; first extra: ") + first);
    }
  }

  private static String field(String recorded) {
    return recorded.substring(0, recorded.indexOf('='));
  }
}
