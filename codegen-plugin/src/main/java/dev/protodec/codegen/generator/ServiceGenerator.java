package dev.protodec.codegen.generator;

import static dev.protodec.codegen.generator.GrpcClasses.ABSTRACT_ASYNC_STUB;
import static dev.protodec.codegen.generator.GrpcClasses.ABSTRACT_BLOCKING_STUB;
import static dev.protodec.codegen.generator.GrpcClasses.BINDABLE_SERVICE;
import static dev.protodec.codegen.generator.GrpcClasses.CALL_OPTIONS;
import static dev.protodec.codegen.generator.GrpcClasses.CHANNEL;
import static dev.protodec.codegen.generator.GrpcClasses.CLIENT_CALLS;
import static dev.protodec.codegen.generator.GrpcClasses.ITERATOR;
import static dev.protodec.codegen.generator.GrpcClasses.MARSHALLER;
import static dev.protodec.codegen.generator.GrpcClasses.METHOD_DESCRIPTOR;
import static dev.protodec.codegen.generator.GrpcClasses.METHOD_TYPE;
import static dev.protodec.codegen.generator.GrpcClasses.SERVER_CALLS;
import static dev.protodec.codegen.generator.GrpcClasses.SERVER_SERVICE_DEFINITION;
import static dev.protodec.codegen.generator.GrpcClasses.SERVICE_DESCRIPTOR;
import static dev.protodec.codegen.generator.GrpcClasses.STREAM_OBSERVER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.protodec.codegen.model.MethodInfo;
import dev.protodec.codegen.model.ServiceInfo;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code <Service>Grpc} for one service, in the shape grpc-java's own generator gives it: a
 * {@code MethodDescriptor} per method (with protodec marshallers), a base class to extend on the
 * server, an async and a blocking stub for clients.
 */
final class ServiceGenerator {
  private final ServiceInfo info;

  ServiceGenerator(ServiceInfo info) {
    this.info = info;
  }

  TypeSpec generate() {
    TypeSpec.Builder type = TypeSpec.classBuilder(info.grpcClass())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    addJavadoc(type);
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addField(FieldSpec.builder(String.class, "SERVICE_NAME", Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The service's full name, as gRPC names it on the wire.\n")
        .initializer("$S", info.fullName())
        .build());
    for (MethodInfo method : info.methods()) {
      addMethodDescriptor(type, method);
    }
    addServiceDescriptor(type);
    type.addType(implBase());
    addStubFactories(type);
    type.addType(asyncStub());
    type.addType(blockingStub());
    return type.build();
  }

  private void addJavadoc(TypeSpec.Builder type) {
    if (!info.javadoc().isEmpty()) {
      type.addJavadoc("$L\n\n", Javadoc.escape(info.javadoc()));
    }
    type.addJavadoc("gRPC service {@code $L}: extend {@link $T} to serve it, call it through\n"
        + "{@link #newStub} or {@link #newBlockingStub}. Messages are protodec's, marshalled by\n"
        + "{@link $T}.\n", info.fullName(), info.implBase(), MARSHALLER);
  }

  private static TypeName descriptorType(MethodInfo method) {
    return ParameterizedTypeName.get(METHOD_DESCRIPTOR, method.input().className,
        method.output().className);
  }

  private static String getter(MethodInfo method) {
    return "get" + Character.toUpperCase(method.javaName().charAt(0)) + method.javaName().substring(1)
        + "Method";
  }

  private static void addMethodDescriptor(TypeSpec.Builder type, MethodInfo method) {
    TypeName descriptor = descriptorType(method);
    type.addField(FieldSpec.builder(descriptor, method.descriptorConstant(), Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer(CodeBlock.builder()
            .add("$T.<$T, $T>newBuilder()\n", METHOD_DESCRIPTOR, method.input().className,
                method.output().className)
            .indent().indent()
            .add(".setType($T.$L)\n", METHOD_TYPE, method.methodType())
            .add(".setFullMethodName($T.generateFullMethodName(SERVICE_NAME, $S))\n",
                METHOD_DESCRIPTOR, method.protoName())
            .add(".setRequestMarshaller($T.of($T::newInstance))\n", MARSHALLER,
                method.input().className)
            .add(".setResponseMarshaller($T.of($T::newInstance))\n", MARSHALLER,
                method.output().className)
            .add(".build()")
            .unindent().unindent()
            .build())
        .build());
    type.addMethod(MethodSpec.methodBuilder(getter(method))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(descriptor)
        .addJavadoc("{@code rpc $L($L$L) returns ($L$L)}\n", method.protoName(),
            method.clientStreaming() ? "stream " : "", method.input().fullName.substring(1),
            method.serverStreaming() ? "stream " : "", method.output().fullName.substring(1))
        .addStatement("return $L", method.descriptorConstant())
        .build());
  }

  private void addServiceDescriptor(TypeSpec.Builder type) {
    CodeBlock.Builder init = CodeBlock.builder().add("$T.newBuilder(SERVICE_NAME)\n", SERVICE_DESCRIPTOR)
        .indent().indent();
    for (MethodInfo method : info.methods()) {
      init.add(".addMethod($L)\n", method.descriptorConstant());
    }
    init.add(".build()").unindent().unindent();
    type.addField(FieldSpec.builder(SERVICE_DESCRIPTOR, "SERVICE_DESCRIPTOR", Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL)
        .initializer(init.build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("getServiceDescriptor")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(SERVICE_DESCRIPTOR)
        .addStatement("return SERVICE_DESCRIPTOR")
        .build());
  }

  private static TypeName observer(ClassName message) {
    return ParameterizedTypeName.get(STREAM_OBSERVER, message);
  }

  private static boolean takesStream(MethodInfo method) {
    return method.clientStreaming();
  }

  /** The server side: one overridable method per rpc, each answering UNIMPLEMENTED until overridden. */
  private TypeSpec implBase() {
    TypeSpec.Builder base = TypeSpec.classBuilder(info.implBase())
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT, Modifier.STATIC)
        .addSuperinterface(BINDABLE_SERVICE)
        .addJavadoc("Extend this and override the methods you serve; the others answer {@code\n"
            + "UNIMPLEMENTED}. Pass an instance to {@code ServerBuilder.addService}.\n");
    for (MethodInfo method : info.methods()) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(method.javaName()).addModifiers(Modifier.PUBLIC);
      javadoc(m, method);
      if (takesStream(method)) {
        m.returns(observer(method.input().className))
            .addParameter(observer(method.output().className), "responseObserver")
            .addStatement("return $T.asyncUnimplementedStreamingCall($L, responseObserver)",
                SERVER_CALLS, method.descriptorConstant());
      } else {
        m.addParameter(method.input().className, "request")
            .addParameter(observer(method.output().className), "responseObserver")
            .addStatement("$T.asyncUnimplementedUnaryCall($L, responseObserver)", SERVER_CALLS,
                method.descriptorConstant());
      }
      base.addMethod(m.build());
    }
    CodeBlock.Builder bind = CodeBlock.builder()
        .add("return $T.builder(SERVICE_DESCRIPTOR)\n", SERVER_SERVICE_DEFINITION).indent().indent();
    for (MethodInfo method : info.methods()) {
      bind.add(".addMethod($L, $T.$L(this::$L))\n", method.descriptorConstant(), SERVER_CALLS,
          serverCall(method), method.javaName());
    }
    bind.add(".build();\n").unindent().unindent();
    base.addMethod(MethodSpec.methodBuilder("bindService")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .returns(SERVER_SERVICE_DEFINITION)
        .addCode(bind.build())
        .build());
    return base.build();
  }

  private static String serverCall(MethodInfo method) {
    return switch (method.methodType()) {
      case "UNARY" -> "asyncUnaryCall";
      case "SERVER_STREAMING" -> "asyncServerStreamingCall";
      case "CLIENT_STREAMING" -> "asyncClientStreamingCall";
      default -> "asyncBidiStreamingCall";
    };
  }

  private void addStubFactories(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("newStub")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(info.asyncStub())
        .addParameter(CHANNEL, "channel")
        .addJavadoc("A stub whose calls return at once and answer through a {@code StreamObserver}.\n")
        .addStatement("return $T.newStub($T::new, channel)", ABSTRACT_ASYNC_STUB, info.asyncStub())
        .build());
    type.addMethod(MethodSpec.methodBuilder("newBlockingStub")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(info.blockingStub())
        .addParameter(CHANNEL, "channel")
        .addJavadoc("A stub whose unary and server-streaming calls wait for the answer.\n")
        .addStatement("return $T.newStub($T::new, channel)", ABSTRACT_BLOCKING_STUB,
            info.blockingStub())
        .build());
  }

  private static TypeSpec.Builder stubClass(ClassName stub, ClassName superclass, String javadoc) {
    return TypeSpec.classBuilder(stub)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(superclass, stub))
        .addJavadoc(javadoc)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addParameter(CHANNEL, "channel")
            .addParameter(CALL_OPTIONS, "callOptions")
            .addStatement("super(channel, callOptions)")
            .build())
        .addMethod(MethodSpec.methodBuilder("build")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(stub)
            .addParameter(CHANNEL, "channel")
            .addParameter(CALL_OPTIONS, "callOptions")
            .addStatement("return new $T(channel, callOptions)", stub)
            .build());
  }

  private TypeSpec asyncStub() {
    TypeSpec.Builder stub = stubClass(info.asyncStub(), ABSTRACT_ASYNC_STUB,
        "Calls the service without waiting: answers arrive at the given {@code StreamObserver}.\n");
    for (MethodInfo method : info.methods()) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(method.javaName()).addModifiers(Modifier.PUBLIC);
      javadoc(m, method);
      String call = "getChannel().newCall($L, getCallOptions())";
      if (takesStream(method)) {
        m.returns(observer(method.input().className))
            .addParameter(observer(method.output().className), "responseObserver")
            .addStatement("return $T.$L(" + call + ", responseObserver)", CLIENT_CALLS,
                method.serverStreaming() ? "asyncBidiStreamingCall" : "asyncClientStreamingCall",
                method.descriptorConstant());
      } else {
        m.addParameter(method.input().className, "request")
            .addParameter(observer(method.output().className), "responseObserver")
            .addStatement("$T.$L(" + call + ", request, responseObserver)", CLIENT_CALLS,
                method.serverStreaming() ? "asyncServerStreamingCall" : "asyncUnaryCall",
                method.descriptorConstant());
      }
      stub.addMethod(m.build());
    }
    return stub.build();
  }

  /** Unary and server-streaming methods only, as in grpc-java's blocking stubs. */
  private TypeSpec blockingStub() {
    TypeSpec.Builder stub = stubClass(info.blockingStub(), ABSTRACT_BLOCKING_STUB,
        "Calls the service and waits for the answer (unary and server-streaming methods).\n");
    for (MethodInfo method : info.methods()) {
      if (method.clientStreaming()) {
        continue;
      }
      MethodSpec.Builder m = MethodSpec.methodBuilder(method.javaName()).addModifiers(Modifier.PUBLIC)
          .addParameter(method.input().className, "request");
      javadoc(m, method);
      if (method.serverStreaming()) {
        m.returns(ParameterizedTypeName.get(ITERATOR, method.output().className))
            .addStatement("return $T.blockingServerStreamingCall(getChannel(), $L, getCallOptions(),"
                + " request)", CLIENT_CALLS, method.descriptorConstant());
      } else {
        m.returns(method.output().className)
            .addStatement("return $T.blockingUnaryCall(getChannel(), $L, getCallOptions(), request)",
                CLIENT_CALLS, method.descriptorConstant());
      }
      stub.addMethod(m.build());
    }
    return stub.build();
  }

  private static void javadoc(MethodSpec.Builder m, MethodInfo method) {
    if (!method.javadoc().isEmpty()) {
      m.addJavadoc("$L\n", Javadoc.escape(method.javadoc()));
    }
  }
}
