package dev.protodec.conformance;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.protodec.runtime.InvalidProtobufException;
import dev.protodec.runtime.InvalidProtobufException.Reason;
import dev.protodec.runtime.ProtoMessage;
import java.util.List;

/**
 * Parses one input with protobuf-java and with protodec and says whether they agree: both accept and
 * made the same message of it, or both reject it, protodec with an {@link InvalidProtobufException}
 * that names the offset. Anything else is a disagreement, described with a category (for shrinking
 * the input) and details.
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

  /** Null when the two parsers agree on {@code input}. */
  static Disagreement compare(Message prototype, FastType fast, byte[] input) {
    Message java = null;
    InvalidProtocolBufferException javaError = null;
    try {
      java = prototype.getParserForType().parseFrom(input);
    } catch (InvalidProtocolBufferException e) {
      javaError = e;
    }

    ProtoMessage<?> parsed = null;
    Throwable fastError = null;
    try {
      parsed = fast.parseFrom(input);
    } catch (Throwable t) {
      fastError = t;
    }

    if (fastError != null && !(fastError instanceof InvalidProtobufException)) {
      return new Disagreement("protodec threw " + fastError.getClass().getName(),
          String.valueOf(fastError.getMessage()) + (javaError == null ? " (protobuf-java accepts)"
              : " (protobuf-java rejects: " + javaError.getMessage() + ")"));
    }
    if (javaError == null && fastError != null) {
      return new Disagreement("protobuf-java accepts, protodec rejects", fastError.getMessage());
    }
    if (javaError != null && fastError == null) {
      return new Disagreement("protobuf-java rejects, protodec accepts",
          "protobuf-java: " + javaError.getMessage() + "; protodec read " + shortText(parsed));
    }
    if (javaError != null) {
      return checkRejection(fast, input, javaError, (InvalidProtobufException) fastError);
    }
    return checkSameMessage(java, parsed, input);
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
          String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
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
