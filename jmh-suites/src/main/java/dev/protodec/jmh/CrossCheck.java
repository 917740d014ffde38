package dev.protodec.jmh;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The checks a benchmark's trial set-up runs before anything is timed. Each throws {@link
 * ContenderDisagrees} at the first difference, naming the contender, the message index and the first
 * differing value, so a contender that reads or writes something else than the reference never gets a
 * number.
 */
public final class CrossCheck {
  private CrossCheck() {}

  /** Thrown when a contender's values or bytes differ from the reference's. */
  public static final class ContenderDisagrees extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ContenderDisagrees(String message) {
      super(message);
    }
  }

  /** A protobuf-java parse of encoded bytes, for comparing encodings that legitimately order fields differently. */
  @FunctionalInterface
  public interface Reparse {
    Object parse(byte[] encoded) throws IOException;
  }

  /**
   * Runs {@code reference} and every contender over messages {@code 0..count-1} and compares what each
   * pushed, value by value.
   *
   * @param what names the benchmark in the error, e.g. {@code "DnsDecodeLight"}
   */
  public static void decoders(String what, int count, CorpusRead reference, Map<String, CorpusRead> contenders)
      throws IOException {
    RecordingSink expected = new RecordingSink();
    RecordingSink actual = new RecordingSink();
    for (int i = 0; i < count; i++) {
      expected.clear();
      reference.read(i, expected);
      for (Map.Entry<String, CorpusRead> contender : contenders.entrySet()) {
        actual.clear();
        try {
          contender.getValue().read(i, actual);
        } catch (IOException | RuntimeException e) {
          throw new ContenderDisagrees(what + ": " + contender.getKey() + " failed on message " + i + ": " + e);
        }
        compare(what, contender.getKey(), i, expected.values(), actual.values());
      }
    }
  }

  private static void compare(String what, String contender, int index, List<String> expected, List<String> actual) {
    int n = Math.min(expected.size(), actual.size());
    for (int k = 0; k < n; k++) {
      if (!expected.get(k).equals(actual.get(k))) {
        throw new ContenderDisagrees(what + ": " + contender + " disagrees with protobuf-java on message " + index
            + " at value " + k + ": expected " + expected.get(k) + ", got " + actual.get(k));
      }
    }
    if (expected.size() != actual.size()) {
      throw new ContenderDisagrees(what + ": " + contender + " disagrees with protobuf-java on message " + index
          + ": expected " + expected.size() + " values, got " + actual.size()
          + (expected.size() > n ? "; first missing: " + expected.get(n) : "; first extra: " + actual.get(n)));
    }
  }

  /**
   * Checks that every contender encodes message {@code i} to {@code corpus[i]}, or, for a contender in
   * {@code reordering}, at least to bytes that protobuf-java parses to a message equal to its parse of
   * {@code corpus[i]} (libraries may write fields in another order than field numbers).
   *
   * @return one line per contender: whether its bytes were identical or only equal after parsing
   */
  public static String encoders(String what, byte[][] corpus, Map<String, CorpusWrite> contenders, Reparse reparse)
      throws IOException {
    StringBuilder summary = new StringBuilder();
    for (Map.Entry<String, CorpusWrite> contender : contenders.entrySet()) {
      int reordered = 0;
      for (int i = 0; i < corpus.length; i++) {
        byte[] written;
        try {
          written = contender.getValue().write(i);
        } catch (IOException | RuntimeException e) {
          throw new ContenderDisagrees(what + ": " + contender.getKey() + " failed on message " + i + ": " + e);
        }
        if (Arrays.equals(written, corpus[i])) {
          continue;
        }
        Object expected = reparse.parse(corpus[i]);
        Object actual;
        try {
          actual = reparse.parse(written);
        } catch (IOException e) {
          throw new ContenderDisagrees(what + ": " + contender.getKey() + " wrote bytes protobuf-java cannot parse"
              + " for message " + i + ": " + e.getMessage());
        }
        if (!expected.equals(actual)) {
          int at = Arrays.mismatch(written, corpus[i]);
          throw new ContenderDisagrees(what + ": " + contender.getKey() + " encodes message " + i
              + " to a different message: first differing byte at offset " + at + " (" + written.length
              + " bytes written, " + corpus[i].length + " expected)");
        }
        reordered++;
      }
      summary.append(contender.getKey()).append(": ")
          .append(reordered == 0
              ? "identical bytes for all " + corpus.length + " messages"
              : (corpus.length - reordered) + " identical, " + reordered
                  + " in another field order but equal after parsing with protobuf-java")
          .append('\n');
    }
    return summary.toString();
  }
}
