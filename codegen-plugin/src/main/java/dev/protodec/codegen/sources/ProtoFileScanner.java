package dev.protodec.codegen.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the files below source roots that match the include patterns and none of the excludes. */
public final class ProtoFileScanner {
  private final List<PathPattern> includes;
  private final List<PathPattern> excludes;

  public ProtoFileScanner(List<String> includes, List<String> excludes) {
    this.includes = includes.stream().map(PathPattern::compile).toList();
    this.excludes = excludes.stream().map(PathPattern::compile).toList();
  }

  /** A scanner for every {@code .proto} file. */
  public static ProtoFileScanner allProtoFiles() {
    return new ProtoFileScanner(List.of("**/*.proto"), List.of());
  }

  /**
   * Scans each root that is a directory (others are skipped) and returns the matches, root by root,
   * sorted by relative path within a root.
   */
  public List<ProtoFile> scan(List<Path> roots) throws IOException {
    List<ProtoFile> found = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        found.addAll(scan(root));
      }
    }
    return found;
  }

  private List<ProtoFile> scan(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> new ProtoFile(root, relativeName(root, file)))
          .filter(file -> selected(file.relativePath()))
          .sorted(Comparator.comparing(ProtoFile::relativePath))
          .toList();
    }
  }

  private boolean selected(String relativePath) {
    return includes.stream().anyMatch(p -> p.matches(relativePath))
        && excludes.stream().noneMatch(p -> p.matches(relativePath));
  }

  private static String relativeName(Path root, Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
