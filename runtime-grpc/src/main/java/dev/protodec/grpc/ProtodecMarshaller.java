package dev.protodec.grpc;

import dev.protodec.runtime.InvalidProtobufException;
import dev.protodec.runtime.ProtoMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

  @Override
  public InputStream stream(T value) {
    return new ByteArrayInputStream(value.toByteArray());
  }

  @Override
  public T parse(InputStream stream) {
    T message = newMessage.get();
    try {
      message.mergeFrom(stream);
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
}
