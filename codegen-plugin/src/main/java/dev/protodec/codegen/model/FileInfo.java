package dev.protodec.codegen.model;

import java.util.ArrayList;
import java.util.List;

/** A {@code .proto} file to generate: where its classes go and what they are. */
public final class FileInfo {
  public final String protoPath;
  public final String syntax;
  public final String javaPackage;
  public final String outerClassName;
  public final boolean multipleFiles;
  public final List<MessageInfo> messages = new ArrayList<>();
  public final List<EnumInfo> enums = new ArrayList<>();
  /** Its {@code service}s; the generator writes them only when asked to generate gRPC code. */
  public final List<ServiceInfo> services = new ArrayList<>();

  FileInfo(String protoPath, String syntax, String javaPackage, String outerClassName,
      boolean multipleFiles) {
    this.protoPath = protoPath;
    this.syntax = syntax;
    this.javaPackage = javaPackage;
    this.outerClassName = outerClassName;
    this.multipleFiles = multipleFiles;
  }
}
