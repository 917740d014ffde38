package dev.protodec.grpc;

import dev.protodec.runtime.InvalidProtobufException;
import dev.protodec.runtime.ProtoMessage;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * Turns protodec messages into gRPC payloads and back: what the generated {@code *Grpc} classes put in
 * their {@link MethodDescriptor}s, so a protodec schema serves and calls gRPC without protobuf-java.
 *
 * <p>Each parse builds a new message (gRPC hands messages to application threads, so none is reused).
 * A payload that is not a valid encoding, or lacks a required field, fails the call with {@link
 * Status#INTERNAL} and the decoder's reason, as grpc-java's protobuf marshaller does.
 *
 * @param <T> the message type
 */
public final class ProtodecMarshaller<T extends ProtoMessage<T>> implements MethodDescriptor.Marshaller<T> {
  private final Supplier<T> newMessage;

  private ProtodecMarshaller(Supplier<T> newMessage) {
    this.newMessage = newMessage;
  }

  /** @param newMessage makes an empty message, e.g. {@code Request::newInstance} */
  public static <T extends ProtoMessage<T>> ProtodecMarshaller<T> of(Supplier<T> newMessage) {
    return new ProtodecMarshaller<>(newMessage);
  }

  /**
   * The encoding as a stream gRPC can size and drain: with {@link KnownLength} and {@link Drainable}
   * its framer writes the bytes straight into its own buffer instead of copying them through one of
   * unknown length.
   */
  @Override
  public InputStream stream(T value) {
    return new EncodedMessage(value.toByteArray());
  }

  /**
   * Parses the whole stream. A stream that knows its length (gRPC's own do) is read into one array of
   * that size; any other through the reader's growing buffer.
   */
  @Override
  public T parse(InputStream stream) {
    T message = newMessage.get();
    try {
      if (stream instanceof KnownLength) {
        message.mergeFrom(readKnownLength(stream));
      } else {
        message.mergeFrom(stream);
      }
    } catch (InvalidProtobufException e) {
      throw Status.INTERNAL.withDescription("invalid " + message.getTypeName() + ": " + e.getMessage())
          .withCause(e).asRuntimeException();
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("cannot read " + message.getTypeName() + ": " + e.getMessage())
          .withCause(e).asRuntimeException();
    }
    if (!message.isInitialized()) {
      throw Status.INTERNAL.withDescription(message.getTypeName() + " lacks a required field")
          .asRuntimeException();
    }
    return message;
  }

  /** All of a {@link KnownLength} stream, in one array when {@code available()} told the whole length. */
  private static byte[] readKnownLength(InputStream stream) throws IOException {
    byte[] known = stream.readNBytes(stream.available());
    int next = stream.read();
    if (next < 0) {
      return known;
    }
    byte[] rest = stream.readAllBytes();
    byte[] all = new byte[known.length + 1 + rest.length];
    System.arraycopy(known, 0, all, 0, known.length);
    all[known.length] = (byte) next;
    System.arraycopy(rest, 0, all, known.length + 1, rest.length);
    return all;
  }

  /** An encoded message, drained in one write. */
  private static final class EncodedMessage extends ByteArrayInputStream implements KnownLength, Drainable {
    EncodedMessage(byte[] encoded) {
      super(encoded);
    }

    @Override
    public int drainTo(OutputStream target) throws IOException {
      int n = count - pos;
      target.write(buf, pos, n);
      pos = count;
      return n;
    }
  }
}
