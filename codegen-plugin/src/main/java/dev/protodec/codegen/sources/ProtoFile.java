package dev.protodec.codegen.sources;

import java.nio.file.Path;

/**
 * A {@code .proto} file found below a source root.
 *
 * @param root the source root, passed to protoc as {@code -I}
 * @param relativePath the path below {@code root} with {@code /} separators: the name protoc knows
 *     the file by ({@code com/example/foo.proto})
 */
public record ProtoFile(Path root, String relativePath) {

  /** The file on disk. */
  public Path path() {
    return root.resolve(relativePath);
  }
}
