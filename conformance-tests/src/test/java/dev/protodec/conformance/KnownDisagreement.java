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
