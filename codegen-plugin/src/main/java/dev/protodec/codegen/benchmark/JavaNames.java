package dev.protodec.codegen.benchmark;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.protodec.codegen.model.Names;
import java.util.HashSet;
import java.util.Set;

/** The Java class names protoc's java_out and protodec give a message type. */
final class JavaNames {
  /** protodec's classes go beside protobuf-java's, in this sub-package of each Java package. */
  static final String PROTODEC_SUBPACKAGE = "protodec";

  private JavaNames() {}

  static String javaPackage(FileDescriptor file) {
    return file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage();
  }

  static boolean isWellKnown(FileDescriptor file) {
    return file.getName().startsWith("google/protobuf/");
  }

  static String protodecPackage(String javaPackage) {
    return javaPackage + "." + PROTODEC_SUBPACKAGE;
  }

  static String protobufJava(Descriptor type) {
    FileDescriptor file = type.getFile();
    String outer = file.getOptions().getJavaMultipleFiles() ? "" : outerClassName(file) + ".";
    return javaPackage(file) + "." + outer + nested(type);
  }

  static String protodec(Descriptor type) {
    FileDescriptor file = type.getFile();
    if (isWellKnown(file)) {
      return "dev.protodec.wkt." + nested(type);
    }
    String outer = file.getOptions().getJavaMultipleFiles() ? "" : outerClassName(file) + ".";
    return protodecPackage(javaPackage(file)) + "." + outer + nested(type);
  }

  private static String nested(Descriptor type) {
    String name = Names.className(type.getName());
    return type.getContainingType() == null ? name : nested(type.getContainingType()) + "." + name;
  }

  private static String outerClassName(FileDescriptor file) {
    if (file.getOptions().hasJavaOuterClassname()) {
      return file.getOptions().getJavaOuterClassname();
    }
    String name = Names.outerClassName(file.getName());
    Set<String> topLevel = new HashSet<>();
    file.getMessageTypes().forEach(m -> topLevel.add(m.getName()));
    file.getEnumTypes().forEach(e -> topLevel.add(e.getName()));
    file.getServices().forEach(s -> topLevel.add(s.getName()));
    return topLevel.contains(name) ? name + "OuterClass" : name;
  }
}
