package dev.protodec.codegen.generator;

import com.palantir.javapoet.ClassName;

/** Every grpc-java and protodec-grpc class the generated service classes name, in one place. */
final class GrpcClasses {
  private GrpcClasses() {}

  static final ClassName METHOD_DESCRIPTOR = ClassName.get("io.grpc", "MethodDescriptor");
  static final ClassName METHOD_TYPE = METHOD_DESCRIPTOR.nestedClass("MethodType");
  static final ClassName SERVICE_DESCRIPTOR = ClassName.get("io.grpc", "ServiceDescriptor");
  static final ClassName BINDABLE_SERVICE = ClassName.get("io.grpc", "BindableService");
  static final ClassName SERVER_SERVICE_DEFINITION = ClassName.get("io.grpc", "ServerServiceDefinition");
  static final ClassName CHANNEL = ClassName.get("io.grpc", "Channel");
  static final ClassName CALL_OPTIONS = ClassName.get("io.grpc", "CallOptions");
  static final ClassName STREAM_OBSERVER = ClassName.get("io.grpc.stub", "StreamObserver");
  static final ClassName SERVER_CALLS = ClassName.get("io.grpc.stub", "ServerCalls");
  static final ClassName CLIENT_CALLS = ClassName.get("io.grpc.stub", "ClientCalls");
  static final ClassName ABSTRACT_ASYNC_STUB = ClassName.get("io.grpc.stub", "AbstractAsyncStub");
  static final ClassName ABSTRACT_BLOCKING_STUB = ClassName.get("io.grpc.stub", "AbstractBlockingStub");
  static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
  static final ClassName MARSHALLER = ClassName.get("dev.protodec.grpc", "ProtodecMarshaller");
}
