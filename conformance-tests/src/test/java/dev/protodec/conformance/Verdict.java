package dev.protodec.conformance;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protodec.runtime.InvalidProtobufException;
import dev.protodec.runtime.InvalidProtobufException.Reason;
import dev.protodec.runtime.ProtoMessage;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one input with protobuf-java and with protodec and says whether they agree: both accept and
 * made the same message of it, or both reject it, protodec with an {@link InvalidProtobufException}
 * that names the offset. Anything else is a disagreement, described with a category (for shrinking
 * the input) and details.
 *
 * <p>protodec parses each input twice: in its default (strict) mode, and in zero-copy mode ({@code
 * ProtoReader.setZeroCopy}), which must give the same verdict and the same field values on every input
 * whose strings are valid UTF-8, and still the same message after {@code detach()} once the input is
 * overwritten. On input protobuf-java rejects for invalid UTF-8, zero-copy mode accepts by design (it
 * checks on first decode) or rejects for another reason; a message it accepts must read back from its
 * re-encoding.
 */
final class Verdict {
  /** A disagreement: what kind, and the details. */
  record Disagreement(String category, String details) {
    @Override
    public String toString() {
      return category + ": " + details;
    }
  }

  /** What came of one input: whether both parsers accepted it, and the disagreement if any. */
  record Result(boolean bothAccepted, Disagreement disagreement) {}

  private Verdict() {}

  static Result judge(Message prototype, FastType fast, byte[] input) {
    Disagreement d = compare(prototype, fast, input);
    boolean accepted = false;
    if (d == null) {
      try {
        prototype.getParserForType().parseFrom(input);
        accepted = true;
      } catch (InvalidProtocolBufferException e) {
        // both rejected
      }
    }
    return new Result(accepted, d);
  }

  /** Null when the two parsers agree on {@code input}, in both of protodec's modes. */
  static Disagreement compare(Message prototype, FastType fast, byte[] input) {
    Disagreement strict = compare(prototype, fast, input, false);
    return strict != null ? strict : compare(prototype, fast, input, true);
  }

  private static Disagreement compare(Message prototype, FastType fast, byte[] input, boolean zeroCopy) {
    Message java = null;
    InvalidProtocolBufferException javaError = null;
    try {
      java = prototype.getParserForType().parseFrom(input);
    } catch (InvalidProtocolBufferException e) {
      javaError = e;
    }

    ProtoMessage<?> parsed = null;
    Throwable fastError = null;
    byte[] zeroCopyInput = zeroCopy ? input.clone() : input; // overwritten after detach()
    try {
      parsed = zeroCopy ? fast.parseZeroCopy(zeroCopyInput) : fast.parseFrom(input);
    } catch (Throwable t) {
      fastError = t;
    }
    String mode = zeroCopy ? "zero-copy mode: " : "";

    if (fastError != null && !(fastError instanceof InvalidProtobufException)) {
      return new Disagreement(mode + "protodec threw " + fastError.getClass().getName(),
          String.valueOf(fastError.getMessage()) + (javaError == null ? " (protobuf-java accepts)"
              : " (protobuf-java rejects: " + javaError.getMessage() + ")"));
    }
    if (javaError == null && fastError != null) {
      return new Disagreement(mode + "protobuf-java accepts, protodec rejects", fastError.getMessage());
    }
    if (zeroCopy && javaError != null && isInvalidUtf8(javaError)) {
      // not valid UTF-8: zero-copy mode has no verdict to match (it checks on first decode), only to
      // reject what it rejects for a reason of its own, or to hold a message it can read back
      return fastError != null ? null : checkReadsBack(fast, parsed);
    }
    if (javaError != null && fastError == null) {
      return new Disagreement(mode + "protobuf-java rejects, protodec accepts",
          "protobuf-java: " + javaError.getMessage() + "; protodec read " + shortText(parsed));
    }
    if (javaError != null) {
      return checkRejection(fast, input, javaError, (InvalidProtobufException) fastError);
    }
    Disagreement d = checkSameMessage(java, parsed, input);
    if (d != null || !zeroCopy) {
      return d == null ? null : new Disagreement(mode + d.category(), d.details());
    }
    parsed.detach();
    Arrays.fill(zeroCopyInput, (byte) 0x5a);
    List<String> differences = Mirror.differences(java, parsed);
    return differences.isEmpty() ? null : new Disagreement("zero-copy mode: detach() left values referring to the input",
        firstFive(differences));
  }

  private static String firstFive(List<String> differences) {
    return String.join("; ", differences.subList(0, Math.min(5, differences.size())));
  }

  private static boolean isInvalidUtf8(InvalidProtocolBufferException e) {
    return String.valueOf(e.getMessage()).contains("UTF-8");
  }

  /**
   * A zero-copy parse accepted what protobuf-java rejects for invalid UTF-8 (the invalid string may
   * have been overwritten by a later one, or be the one it holds): its re-encoding must parse in
   * zero-copy mode to a message that encodes the same (message equality would be too strict: a map
   * entry's key read absent and one written back explicitly are the same entry but not equal
   * messages).
   */
  private static Disagreement checkReadsBack(FastType fast, ProtoMessage<?> parsed) {
    byte[] again = parsed.toByteArray();
    try {
      byte[] back = fast.parseZeroCopy(again).toByteArray();
      return Arrays.equals(back, again) ? null
          : new Disagreement("zero-copy mode: re-encoding reads back differently", Hex.of(again) + " -> " + Hex.of(back));
    } catch (Exception e) {
      return new Disagreement("zero-copy mode: re-encoding rejected", e + "; " + Hex.of(again));
    }
  }

  private static Disagreement checkRejection(FastType fast, byte[] input,
      InvalidProtocolBufferException javaError, InvalidProtobufException fastError) {
    String message = fastError.getMessage();
    if (fastError.reason() != Reason.MISSING_REQUIRED) {
      int offset = fastError.offset();
      if (offset < 0 || offset > input.length) {
        return new Disagreement("offset outside the input", message);
      }
      return null;
    }
    // The one rejection without an offset: required fields missing, found after the whole input
    // was read. It must be that case on both sides, and the partial parse must accept the input.
    boolean javaMissing = javaError.getMessage().contains("missing required fields");
    boolean fastMissing = fastError.reason() == Reason.MISSING_REQUIRED && fastError.offset() < 0;
    if (javaMissing && fastMissing) {
      try {
        fast.parsePartialFrom(input);
        return null;
      } catch (Exception e) {
        return new Disagreement("parsePartialFrom rejects what only lacks required fields",
            e.getMessage());
      }
    }
    return new Disagreement("protodec's exception names no offset", message
        + " (protobuf-java: " + javaError.getMessage() + ")");
  }

  private static Disagreement checkSameMessage(Message java, ProtoMessage<?> parsed, byte[] input) {
    byte[] again;
    try {
      again = parsed.toByteArray();
    } catch (RuntimeException e) {
      return new Disagreement("protodec cannot re-encode what it parsed", e.toString());
    }
    Message back;
    try {
      back = java.getParserForType().parseFrom(again);
    } catch (InvalidProtocolBufferException e) {
      return new Disagreement("protobuf-java rejects protodec's re-encoding",
          e.getMessage() + "; re-encoding " + Hex.of(again));
    }
    if (!back.equals(java)) {
      if (sidesWithDynamicMessage(java, input, again)) {
        return new Disagreement(GENERATED_VS_DYNAMIC,
            "protobuf-java's generated code read " + shortText(java) + " but its DynamicMessage and"
                + " protodec read " + shortText(back));
      }
      return new Disagreement("re-encoding means something else",
          "protobuf-java read " + shortText(java) + " but protodec's re-encoding " + Hex.of(again)
              + " reads " + shortText(back));
    }
    List<String> differences = Mirror.differences(java, parsed);
    if (!differences.isEmpty()) {
      return new Disagreement("fields read back differently",
          firstFive(differences));
    }
    return null;
  }

  /**
   * The category of inputs on which protobuf-java's generated parser and its own DynamicMessage
   * disagree, and protodec agrees with DynamicMessage: a protobuf-java quirk, not a protodec bug.
   */
  static final String GENERATED_VS_DYNAMIC =
      "protobuf-java's generated code differs from its DynamicMessage, protodec agrees with DynamicMessage";

  /**
   * True if protobuf-java's DynamicMessage (a separate parser, driven by descriptors) reads
   * {@code input} differently from the generated code, and reads protodec's re-encoding as it reads
   * the input.
   */
  private static boolean sidesWithDynamicMessage(Message java, byte[] input, byte[] again) {
    try {
      Descriptor type = java.getDescriptorForType();
      DynamicMessage dynamic = DynamicMessage.parseFrom(type, input);
      DynamicMessage generated = DynamicMessage.parseFrom(type, java.toByteArray());
      DynamicMessage fast = DynamicMessage.parseFrom(type, again);
      return !dynamic.equals(generated) && dynamic.equals(fast);
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  private static String shortText(Object message) {
    String text = String.valueOf(message).replace('\n', ' ');
    return "{" + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + "}";
  }

  /**
   * Shrinks {@code input} while it still disagrees in the same category: removes chunks of halving
   * size, then tries zeroing single bytes. For readable bug reports.
   */
  static byte[] minimize(Message prototype, FastType fast, byte[] input, String category) {
    byte[] current = input;
    int attempts = 0;
    boolean progress = true;
    while (progress && attempts < 20_000) {
      progress = false;
      for (int chunk = Math.max(1, current.length / 2); chunk >= 1; chunk /= 2) {
        int start = 0;
        while (start + chunk <= current.length && attempts < 20_000) {
          byte[] candidate = new byte[current.length - chunk];
          System.arraycopy(current, 0, candidate, 0, start);
          System.arraycopy(current, start + chunk, candidate, start, current.length - start - chunk);
          attempts++;
          if (sameCategory(prototype, fast, candidate, category)) {
            current = candidate;
            progress = true;
          } else {
            start += chunk;
          }
        }
      }
    }
    return current;
  }

  private static boolean sameCategory(Message prototype, FastType fast, byte[] input, String category) {
    Disagreement d = compare(prototype, fast, input);
    return d != null && d.category().equals(category);
  }
}
