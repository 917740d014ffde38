package dev.protodec.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Base class of every generated message. Messages are mutable and reusable: {@link #clear()} resets the
 * values but keeps every allocated array, string buffer and nested message.
 *
 * <p>Generated subclasses implement the parse loop ({@link #mergeFrom(ProtoReader)}), the size and write
 * passes, {@code clear}, {@code equals}, {@code hashCode} and the text printing; this class holds the
 * unknown fields and the conveniences built on those.
 *
 * @param <T> the generated message type
 */
public abstract class ProtoMessage<T extends ProtoMessage<T>> {
  /**
   * The size computed by the last {@link #getSerializedSize()} or written by the last write of the
   * message holding this one (the write reserves room for this length from it); -1 before either.
   */
  protected int cachedSize = -1;

  /** Fields this schema does not know, kept as their original bytes and written back after the known. */
  protected final ProtoBytes unknownFields = new ProtoBytes();

  protected ProtoMessage() {}

  /**
   * Reads fields from {@code input} and merges them into this message until the current message ends
   * (the input's end or its limit) or an end-group tag is read. Does not check which of the two it was:
   * {@link ProtoReader#parseInto} and the nested-message readers do.
   */
  public abstract T mergeFrom(ProtoReader input) throws InvalidProtobufException;

  /** Resets every field to its default; keeps allocated storage for reuse. */
  public abstract T clear();

  /**
   * Makes this message self-contained: every string and {@code bytes} value, here and in nested
   * messages, that refers to the input of a zero-copy parse ({@link ProtoReader#setZeroCopy}) is
   * copied into the message's own storage, so the input may then change or go. UTF-8 checks still due
   * stay due (they run when a string is first decoded). A no-op for a message not parsed zero-copy.
   */
  public abstract T detach();

  /** The protobuf full name of this message type, e.g. {@code google.protobuf.FileDescriptorProto}. */
  public abstract String getTypeName();

  /** Computes the encoded size of this message's fields. */
  protected abstract int computeSerializedSize();

  /**
   * Appends the fields to {@code out} in one pass, with no size computed first and no room made; use
   * {@link #writeTo(ProtoWriter)}, which makes room. (While nested messages are moved into place, the
   * writer may briefly need a few bytes more than the message's final size.)
   */
  public abstract void writeFieldsTo(ProtoWriter out);

  /** Appends this message's fields in protobuf text format to {@code printer}. */
  protected abstract void printFields(ProtoPrinter printer);

  /** True if every required field, here and in nested messages, is set. */
  public boolean isInitialized() {
    return true;
  }

  /** Adds the paths of missing required fields, each prefixed with {@code prefix}. */
  protected void findMissingFields(String prefix, List<String> missing) {}

  final void checkInitialized() throws InvalidProtobufException {
    if (!isInitialized()) {
      List<String> missing = new ArrayList<>();
      findMissingFields("", missing);
      throw InvalidProtobufException.missingRequiredFields(getTypeName(), missing);
    }
  }

  /** The unknown fields' bytes, tags included. */
  public final ProtoBytes getUnknownFields() {
    return unknownFields;
  }

  /** Computes, caches and returns the encoded size. */
  public final int getSerializedSize() {
    int size = computeSerializedSize();
    cachedSize = size;
    return size;
  }

  /** The size computed by the last {@link #getSerializedSize()}, or written when nested; -1 before. */
  public final int getCachedSize() {
    return cachedSize;
  }

  /**
   * Appends the encoded message to {@code out}, growing its array as needed: the fields are written in
   * one pass, and only if the array runs out (its bounds check throws) is the message's size computed,
   * the array grown to fit and the message written again.
   *
   * <p>Only the writer's own overflow is retried: an {@link ArrayIndexOutOfBoundsException} while the
   * message, as its size pass measures it, does not fit in the room the writer had (give or take the
   * bytes {@link ProtoWriter#beginMessage} may reserve for nested lengths while writing). Any other
   * exception, or an out-of-bounds index while there was room, is a bug and propagates as it is.
   */
  public final void writeTo(ProtoWriter out) {
    int start = out.size();
    try {
      writeFieldsTo(out);
    } catch (ArrayIndexOutOfBoundsException full) {
      int needed = getSerializedSize();
      if (!out.ranOutOfRoom(start, needed)) {
        throw full;
      }
      out.truncate(start);
      out.ensureCapacity(needed + ProtoWriter.NESTED_LENGTH_SLACK);
      try {
        writeFieldsTo(out);
      } catch (RuntimeException e) {
        out.truncate(start);
        throw e;
      }
    }
  }

  public final void writeTo(OutputStream out) throws IOException {
    ProtoWriter writer = ProtoWriter.newInstance(Math.max(1, getSerializedSize()));
    writeFieldsTo(writer);
    writer.writeTo(out);
  }

  /** The encoded message in a new array of its exact size (a size pass first, to allocate once). */
  public final byte[] toByteArray() {
    ProtoWriter writer = ProtoWriter.newInstance(getSerializedSize());
    writeFieldsTo(writer);
    return writer.array().length == writer.size() ? writer.array() : writer.toByteArray();
  }

  /** Merges the whole of {@code data} into this message (required fields are checked). */
  @SuppressWarnings("unchecked")
  public final T mergeFrom(byte[] data) throws InvalidProtobufException {
    return (T) ProtoReader.of(data).parseInto(this);
  }

  @SuppressWarnings("unchecked")
  public final T mergeFrom(ByteBuffer data) throws InvalidProtobufException {
    return (T) ProtoReader.of(data).parseInto(this);
  }

  @SuppressWarnings("unchecked")
  public final T mergeFrom(InputStream data) throws IOException {
    return (T) ProtoReader.of(data).parseInto(this);
  }

  /** Protobuf text format of this message, for humans (not a stable format). */
  @Override
  public String toString() {
    ProtoPrinter printer = new ProtoPrinter();
    printFields(printer);
    return printer.toString();
  }
}
