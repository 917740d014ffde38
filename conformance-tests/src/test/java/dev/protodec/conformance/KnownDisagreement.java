package dev.protodec.conformance;

import com.google.protobuf.Message;
import java.util.List;
import java.util.function.Predicate;

/**
 * Known disagreements with protobuf-java, each with a narrow signature, so that the fuzzing in {@link
 * MalformedInputTest} keeps checking everything else: reported protodec bugs (each also has its own
 * regression test in {@link WireEdgeCasesTest}, disabled with "bug: ..." while it is open) and
 * protobuf-java quirks that protodec rightly does not copy. When a protodec bug is fixed, its
 * signature stops matching and {@link MalformedInputTest} fails until the entry is removed here.
 */
enum KnownDisagreement {
  /**
   * protobuf-java reads at most ten bytes of a 64-bit varint and ignores the continuation bit of the
   * tenth; protodec's ProtoReader rejects such a varint ("Varint longer than 10 bytes").
   */
  VARINT64_TENTH_BYTE_CONTINUATION(
      "protodec rejects a 64-bit varint whose 10th byte has its continuation bit set; protobuf-java"
          + " accepts it",
      "",
      List.of("protodec.conformance.proto3.AllTypes3", "protodec.conformance.proto2.AllTypes2"),
      d -> d.category().equals("protobuf-java accepts, protodec rejects")
          && d.details().startsWith("Varint longer than 10 bytes")),

  /**
   * protobuf-java checks UTF-8 in map entries' string keys and values even in proto2 (its MapEntry
   * parses them with UTF-8 checking on); protodec does not check proto2 strings anywhere.
   */
  PROTO2_MAP_STRING_UTF8(
      "protodec accepts invalid UTF-8 in proto2 map<_, string> / map<string, _> entries; protobuf-java"
          + " rejects it",
      "protodec.conformance.proto2.",
      List.of("protodec.conformance.proto2.AllTypes2"),
      d -> (d.category().equals("protobuf-java rejects, protodec accepts")
              || d.category().equals("protodec's exception names no offset"))
          && d.details().contains("invalid UTF-8")),

  /**
   * Not a protodec bug: protobuf-java's generated parser keeps a stale builder for a oneof's message
   * member, so after {@code choice_nested, choice_sint64, choice_nested} on the wire the last
   * choice_nested is merged into the first one's content instead of starting empty. protobuf-java's
   * DynamicMessage, and protodec, start it empty (the last oneof member seen wins).
   */
  PROTOBUF_JAVA_STALE_ONEOF_MESSAGE(
      "protobuf-java quirk: a oneof message member that comes back after another member keeps its"
          + " old content in protobuf-java's generated parser (not in DynamicMessage, not in protodec)",
      "",
      List.of(),
      d -> d.category().equals(Verdict.GENERATED_VS_DYNAMIC));

  final String description;
  /** Message types (full names) whose fuzzing tolerates this bug. */
  private final String typePrefix;
  /** Message types whose fuzzing (fixed seeds) always runs into it while it is not fixed. */
  private final List<String> alwaysSeenIn;
  private final Predicate<Verdict.Disagreement> signature;

  KnownDisagreement(String description, String typePrefix, List<String> alwaysSeenIn,
      Predicate<Verdict.Disagreement> signature) {
    this.description = description;
    this.typePrefix = typePrefix;
    this.alwaysSeenIn = alwaysSeenIn;
    this.signature = signature;
  }

  boolean alwaysSeenIn(Message prototype) {
    return alwaysSeenIn.contains(prototype.getDescriptorForType().getFullName());
  }

  boolean appliesTo(Message prototype) {
    return prototype.getDescriptorForType().getFullName().startsWith(typePrefix);
  }

  static KnownDisagreement matching(Message prototype, Verdict.Disagreement d) {
    for (KnownDisagreement bug : values()) {
      if (bug.appliesTo(prototype) && bug.signature.test(d)) {
        return bug;
      }
    }
    return null;
  }
}
