package dev.protodec.runtime;

import java.io.IOException;
import java.util.List;

/**
 * The one exception protodec throws for bad input. Each factory names one failure: its {@link #reason()}
 * for programs, a message saying what to do for people and, where it applies, the byte offset (from the
 * start of the input) at which it was found. Classify failures by {@link #reason()}, not by the message
 * text, which may change.
 */
public final class InvalidProtobufException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why the input was rejected. */
  public enum Reason {
    /** The input ends inside a field, or a length points past the end of its message. */
    TRUNCATED,
    /** A varint longer than 10 bytes. */
    MALFORMED_VARINT,
    /** A negative length. */
    BAD_LENGTH,
    /** The input is larger than the reader's size limit ({@code ProtoReader.setSizeLimit}). */
    SIZE_LIMIT,
    /** Messages and groups nested deeper than the recursion limit ({@code ProtoReader.setRecursionLimit}). */
    RECURSION_LIMIT,
    /** A tag with field number 0. */
    INVALID_TAG,
    /** A tag with wire type 6 or 7, which do not exist. */
    INVALID_WIRE_TYPE,
    /** A group or message ended with the wrong end-group tag, or a group without one. */
    END_GROUP_MISMATCH,
    /** A string field that must be valid UTF-8 is not. */
    INVALID_UTF8,
    /** A {@code required} field is missing (only {@code parseFrom}; {@code parsePartialFrom} accepts it). */
    MISSING_REQUIRED
  }

  private final Reason reason;
  private final int offset;

  private InvalidProtobufException(Reason reason, String message, int offset) {
    super(offset >= 0 ? message + " (at byte offset " + offset + ")" : message);
    this.reason = reason;
    this.offset = offset;
  }

  /** Why the input was rejected. */
  public Reason reason() {
    return reason;
  }

  /** Byte offset from the start of the input where the problem was found, or -1 if it has none. */
  public int offset() {
    return offset;
  }

  static InvalidProtobufException truncated(int offset) {
    return new InvalidProtobufException(
        Reason.TRUNCATED,
        "Input ended in the middle of a field, or a length points past the end of its message:"
            + " the data was truncated or a length is wrong",
        offset);
  }

  static InvalidProtobufException malformedVarint(int offset) {
    return new InvalidProtobufException(
        Reason.MALFORMED_VARINT, "Varint longer than 10 bytes: the input is corrupt", offset);
  }

  static InvalidProtobufException negativeSize(int offset, int size) {
    return new InvalidProtobufException(
        Reason.BAD_LENGTH,
        "Length " + size + " is negative: the input is corrupt", offset);
  }

  static InvalidProtobufException invalidTag(int offset) {
    return new InvalidProtobufException(
        Reason.INVALID_TAG, "Tag with field number 0: the input is corrupt", offset);
  }

  static InvalidProtobufException invalidWireType(int offset, int tag) {
    return new InvalidProtobufException(
        Reason.INVALID_WIRE_TYPE,
        "Field " + (tag >>> 3) + " has wire type " + (tag & 7) + ", which does not exist (only 0-5 do)",
        offset);
  }

  static InvalidProtobufException invalidEndTag(int offset, int expectedTag, int lastTag) {
    String expected =
        expectedTag == 0
            ? "the end of the message"
            : "end-group of field " + (expectedTag >>> 3);
    String found = lastTag == 0 ? "the end of the data" : "end-group of field " + (lastTag >>> 3);
    return new InvalidProtobufException(
        Reason.END_GROUP_MISMATCH,
        "Group or message ended wrongly: expected " + expected + " but found " + found, offset);
  }

  /**
   * @param offset where the field starts, or -1 when the check ran after the parse (zero-copy mode)
   * @param field the field's full name ({@code package.Message.field}), or null when not known
   */
  static InvalidProtobufException invalidUtf8(int offset, String field) {
    return new InvalidProtobufException(
        Reason.INVALID_UTF8,
        "String field " + (field != null ? field + " " : "") + "holds invalid UTF-8 (proto3 strings must"
            + " be valid UTF-8; use bytes for arbitrary data)",
        offset);
  }

  static InvalidProtobufException recursionLimitExceeded(int offset, int limit) {
    return new InvalidProtobufException(
        Reason.RECURSION_LIMIT,
        "Messages and groups nested deeper than the recursion limit of "
            + limit
            + ": the input may be malicious (raise it with ProtoReader.setRecursionLimit)",
        offset);
  }

  static InvalidProtobufException sizeLimitExceeded(long size, int limit) {
    return new InvalidProtobufException(
        Reason.SIZE_LIMIT,
        "Input of at least "
            + size
            + " bytes exceeds the size limit of "
            + limit
            + " bytes (raise it with ProtoReader.setSizeLimit)",
        -1);
  }

  static InvalidProtobufException missingRequiredFields(String messageName, List<String> missing) {
    return new InvalidProtobufException(
        Reason.MISSING_REQUIRED,
        "Message "
            + messageName
            + " is missing required fields: "
            + String.join(", ", missing)
            + " (use parsePartialFrom to accept it anyway)",
        -1);
  }
}
