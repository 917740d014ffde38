package dev.protodec.codegen.protoc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One protoc run that writes a descriptor set with imports and source info (comments, positions).
 *
 * @param executable the protoc binary
 * @param importRoots the {@code -I} directories, searched in order
 * @param descriptorSetOut where protoc writes the {@code FileDescriptorSet}
 * @param files the files to compile, named relative to their import root ({@code foo/bar.proto})
 */
public record ProtocInvocation(
    Path executable, List<Path> importRoots, Path descriptorSetOut, List<String> files) {

  public ProtocInvocation {
    importRoots = List.copyOf(importRoots);
    files = List.copyOf(files);
  }

  /** The arguments after the executable, one per element. */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    for (Path root : importRoots) {
      arguments.add("-I" + root);
    }
    arguments.add("--include_imports");
    arguments.add("--include_source_info");
    arguments.add("--descriptor_set_out=" + descriptorSetOut);
    arguments.addAll(files);
    return arguments;
  }
}
