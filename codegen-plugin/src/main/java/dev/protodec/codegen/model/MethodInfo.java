package dev.protodec.codegen.model;

import java.util.Locale;

/**
 * One {@code rpc} of a service.
 *
 * @param protoName the method's name in the schema and on the wire ({@code Resolve})
 * @param javaName the Java method name on the base class and stubs ({@code resolve})
 * @param descriptorConstant the static field holding its {@code MethodDescriptor} ({@code
 *     RESOLVE_METHOD})
 * @param input the request message
 * @param output the response message
 * @param clientStreaming whether the client sends a stream
 * @param serverStreaming whether the server answers with a stream
 * @param javadoc the method's {@code .proto} comment, or empty
 */
public record MethodInfo(String protoName, String javaName, String descriptorConstant,
    MessageInfo input, MessageInfo output, boolean clientStreaming, boolean serverStreaming,
    String javadoc) {

  /** grpc-java's {@code MethodDescriptor.MethodType} constant for this shape. */
  public String methodType() {
    if (clientStreaming) {
      return serverStreaming ? "BIDI_STREAMING" : "CLIENT_STREAMING";
    }
    return serverStreaming ? "SERVER_STREAMING" : "UNARY";
  }

  static String javaName(String protoName) {
    return Names.identifier(Names.camelCase(protoName, false));
  }

  static String descriptorConstant(String protoName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < protoName.length(); i++) {
      char c = protoName.charAt(i);
      if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(protoName.charAt(i - 1))) {
        out.append('_');
      }
      out.append(c);
    }
    return out.toString().toUpperCase(Locale.ROOT) + "_METHOD";
  }
}
