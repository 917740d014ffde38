package dev.protodec.codegen.sources;

import java.nio.file.Path;

/**
 * A jar on the project's class path whose {@code .proto} files may be imported.
 *
 * @param groupId the dependency's group id
 * @param artifactId the dependency's artifact id
 * @param classifier the dependency's classifier, empty for none
 * @param file the jar
 */
public record DependencyJar(String groupId, String artifactId, String classifier, Path file) {

  public DependencyJar {
    classifier = classifier == null ? "" : classifier;
  }

  /** Where below an imports directory this jar's {@code .proto} files go: {@code <groupId>/<artifactId>[-<classifier>]}. */
  public Path extractionDirectory(Path importsDirectory) {
    String name = classifier.isEmpty() ? artifactId : artifactId + "-" + classifier;
    return importsDirectory.resolve(groupId).resolve(name);
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId + (classifier.isEmpty() ? "" : ":" + classifier) + " (" + file + ")";
  }
}
