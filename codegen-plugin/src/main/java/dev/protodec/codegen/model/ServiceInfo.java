package dev.protodec.codegen.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A {@code service} of a generated file, with every name its gRPC class uses, computed here once: the
 * class is {@code <Service>Grpc}, as grpc-java's own generator names it.
 *
 * @param fullName {@code package.Service}, as gRPC names it on the wire
 * @param grpcClass the generated top-level class holding descriptors, base class and stubs
 * @param implBase the base class a server extends ({@code <Service>ImplBase})
 * @param asyncStub the stub taking {@code StreamObserver}s ({@code <Service>Stub})
 * @param blockingStub the stub that waits for the reply ({@code <Service>BlockingStub})
 * @param javadoc the service's {@code .proto} comment, or empty
 * @param methods in declaration order
 */
public record ServiceInfo(String fullName, ClassName grpcClass, ClassName implBase,
    ClassName asyncStub, ClassName blockingStub, String javadoc, List<MethodInfo> methods) {

  public ServiceInfo {
    methods = List.copyOf(methods);
  }

  static ServiceInfo of(String protoPackage, String javaPackage, String name, String javadoc,
      List<MethodInfo> methods) {
    ClassName grpcClass = ClassName.get(javaPackage, Names.className(name + "Grpc"));
    return new ServiceInfo(protoPackage.isEmpty() ? name : protoPackage + "." + name, grpcClass,
        grpcClass.nestedClass(name + "ImplBase"), grpcClass.nestedClass(name + "Stub"),
        grpcClass.nestedClass(name + "BlockingStub"), javadoc, methods);
  }
}
