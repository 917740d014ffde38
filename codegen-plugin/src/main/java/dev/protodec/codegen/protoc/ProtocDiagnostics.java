package dev.protodec.codegen.protoc;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Rewrites protoc's messages so they name files on disk.
 *
 * <p>protoc names a file the way it was imported ({@code foo/bar.proto:12:3: Expected ";".}); this
 * replaces that name with the real path below the first import root that has it, so an IDE or
 * terminal can jump to the line. Lines that name no {@code .proto} file, or one no root has, are kept.
 */
public final class ProtocDiagnostics {
  private static final String MARKER = ".proto:";
  private static final String FILE_NOT_FOUND = ": File not found.";

  private ProtocDiagnostics() {}

  public static List<String> withRealPaths(List<String> lines, List<Path> importRoots) {
    return lines.stream().map(line -> withRealPath(line, importRoots)).toList();
  }

  /**
   * The files protoc could not find on any import root: from its lines {@code foo/bar.proto: File not
   * found.}, in the order it printed them, each once.
   */
  public static List<String> filesNotFound(List<String> lines) {
    return lines.stream()
        .filter(line -> line.endsWith(FILE_NOT_FOUND))
        .map(line -> line.substring(0, line.length() - FILE_NOT_FOUND.length()))
        .filter(name -> name.endsWith(".proto"))
        .distinct()
        .toList();
  }

  static String withRealPath(String line, List<Path> importRoots) {
    int end = line.indexOf(MARKER);
    if (end < 0) {
      return line;
    }
    String name = line.substring(0, end + MARKER.length() - 1);
    String rest = line.substring(end + MARKER.length() - 1);
    for (Path root : importRoots) {
      Path candidate = resolve(root, name);
      if (candidate != null && Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath().normalize() + rest;
      }
    }
    return line;
  }

  private static Path resolve(Path root, String name) {
    try {
      Path path = Path.of(name);
      return path.isAbsolute() ? null : root.resolve(path);
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
