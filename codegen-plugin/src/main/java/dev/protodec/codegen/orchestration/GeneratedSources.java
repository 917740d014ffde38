package dev.protodec.codegen.orchestration;

import dev.protodec.codegen.generator.GeneratedFile;
import dev.protodec.codegen.sources.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Writes the generator's files, replacing whatever an earlier run left in the output directory. */
final class GeneratedSources {
  private GeneratedSources() {}

  /**
   * Empties {@code outputDirectory} (so sources of deleted or renamed {@code .proto} files go too)
   * and writes {@code files} below it.
   *
   * @throws IOException also when a file's path leaves the directory or two files share a path
   */
  static void replace(Path outputDirectory, List<GeneratedFile> files) throws IOException {
    Path root = outputDirectory.toAbsolutePath().normalize();
    FileTrees.deleteRecursively(root);
    Files.createDirectories(root);
    for (GeneratedFile file : files) {
      Path target = root.resolve(file.relativePath()).normalize();
      if (!target.startsWith(root) || target.equals(root)) {
        throw new IOException("the generator named a file outside the output directory: " + file.relativePath());
      }
      Files.createDirectories(target.getParent());
      try {
        Files.writeString(target, file.content(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException e) {
        throw new IOException("the generator produced " + file.relativePath() + " twice", e);
      }
    }
  }
}
