package dev.protodec.jmh.pipeline;

import dev.protodec.dns.v1.DnsMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * protobuf-java's generated {@link DnsMessage} as a gRPC payload: {@code toByteArray()} out, {@code
 * parseFrom(InputStream)} in, the shape of grpc-java's {@code ProtoUtils.marshaller} without its
 * in-process short cut (which hands the request object across when both ends share the parser: here the
 * server is protodec's, so it would not apply anyway).
 */
final class ProtobufJavaMarshaller implements MethodDescriptor.Marshaller<DnsMessage> {
  static final ProtobufJavaMarshaller INSTANCE = new ProtobufJavaMarshaller();

  private ProtobufJavaMarshaller() {}

  @Override
  public InputStream stream(DnsMessage value) {
    return new ByteArrayInputStream(value.toByteArray());
  }

  @Override
  public DnsMessage parse(InputStream stream) {
    try {
      return DnsMessage.parseFrom(stream);
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("invalid DnsMessage: " + e.getMessage()).withCause(e).asRuntimeException();
    }
  }
}
