package dev.protodec.codegen.generator;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.util.Collection;
import java.util.List;

/** Entry point of code generation: protoc's descriptor set in, Java sources out. */
public final class ProtodecGenerator {
  private final GeneratorOptions options;

  public ProtodecGenerator(GeneratorOptions options) {
    this.options = options;
  }

  /**
   * Generates the Java sources for the files named in {@code filesToGenerate}.
   *
   * @param set protoc's descriptor set ({@code --include_imports --include_source_info}): the files to
   *     generate and everything they import
   * @param filesToGenerate proto paths as protoc names them ({@code foo/bar.proto}); imports not named
   *     here are read but not generated
   */
  public List<GeneratedFile> generate(FileDescriptorSet set, Collection<String> filesToGenerate)
      throws GeneratorException {
    throw new GeneratorException("generator not written yet");
  }
}
