package dev.protodec.codegen.sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where one run's {@code import} statements are resolved from, in protoc's {@code -I} order (first
 * match wins): the source roots, the user's import paths, the {@code .proto} files of each dependency
 * jar, and protobuf's well-known types. Kept apart by kind so that a failed lookup can say where it
 * looked.
 *
 * @param sourceRoots the source roots that exist
 * @param importPaths the user's import paths that exist
 * @param jarRoots each dependency jar with {@code .proto} files, and the directory they were copied to
 * @param jarsWithoutProtos the dependency jars that hold no {@code .proto} file
 * @param wellKnownTypes the directory holding {@code google/protobuf/*.proto}
 * @param wellKnownTypeFiles the files in it, as they are imported ({@code google/protobuf/any.proto})
 */
public record ImportRoots(
    List<Path> sourceRoots,
    List<Path> importPaths,
    Map<DependencyJar, Path> jarRoots,
    List<DependencyJar> jarsWithoutProtos,
    Path wellKnownTypes,
    List<String> wellKnownTypeFiles) {

  public ImportRoots {
    sourceRoots = List.copyOf(sourceRoots);
    importPaths = List.copyOf(importPaths);
    jarRoots = Collections.unmodifiableMap(new LinkedHashMap<>(jarRoots));
    jarsWithoutProtos = List.copyOf(jarsWithoutProtos);
    wellKnownTypeFiles = wellKnownTypeFiles.stream().sorted().toList();
  }

  /** protoc's {@code -I} directories, in order. */
  public List<Path> paths() {
    List<Path> paths = new ArrayList<>(sourceRoots);
    paths.addAll(importPaths);
    paths.addAll(jarRoots.values());
    paths.add(wellKnownTypes);
    return paths;
  }

  /**
   * Why {@code protoPath} was not found: every place it was looked for, in order, and what to do.
   *
   * @param protoPath the path as it was imported ({@code com/example/common/money.proto})
   */
  public String notFound(String protoPath) {
    StringBuilder out = new StringBuilder();
    out.append("import ").append(protoPath).append(" is in none of the places protoc looked, in this order:\n");
    out.append("  source roots: ").append(listOrNone(sourceRoots)).append('\n');
    out.append("  importPaths: ").append(listOrNone(importPaths)).append('\n');
    out.append("  dependency jars with .proto files: ").append(listOrNone(List.copyOf(jarRoots.keySet()))).append('\n');
    if (!jarsWithoutProtos.isEmpty()) {
      out.append("  (dependency jars without .proto files, not searched: ")
          .append(jarsWithoutProtos.stream().map(ImportRoots::coordinates).collect(Collectors.joining(", ")))
          .append(")\n");
    }
    out.append("  well-known types: ").append(wellKnownTypesSummary()).append('\n');
    out.append("Import it by its path below one of these, add the directory that holds it to <importPaths>,"
        + " or add a dependency on the jar that contains it.");
    return out.toString();
  }

  private String wellKnownTypesSummary() {
    String prefix = "google/protobuf/";
    String names = wellKnownTypeFiles.stream()
        .map(name -> name.startsWith(prefix) ? name.substring(prefix.length()) : name)
        .collect(Collectors.joining(", "));
    return prefix + "{" + names + "} (" + wellKnownTypes + ")";
  }

  private static String listOrNone(List<?> entries) {
    if (entries.isEmpty()) {
      return "none";
    }
    return entries.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String coordinates(DependencyJar jar) {
    return jar.groupId() + ":" + jar.artifactId() + (jar.classifier().isEmpty() ? "" : ":" + jar.classifier());
  }
}
