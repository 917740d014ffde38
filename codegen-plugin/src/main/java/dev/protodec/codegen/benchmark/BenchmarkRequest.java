package dev.protodec.codegen.benchmark;

import dev.protodec.codegen.protoc.ProtocSettings;
import dev.protodec.codegen.sources.DependencyJar;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One {@code protodec:benchmark} run, as the Mojo read it.
 *
 * @param types full message names ({@code pkg.Message})
 * @param corpus a file of length-delimited messages or a folder of one message per file; empty: generated
 * @param mode {@code quick}, {@code full} or {@code smoke}
 * @param generatorArguments the message generator's settings, as harness arguments ({@code --count 100 ...})
 * @param sourceRoots the project's {@code .proto} roots
 * @param importPaths further import roots
 * @param dependencyJars the project's jars, searched for imported {@code .proto} files
 * @param directory the child project ({@code target/protodec-benchmark})
 * @param pluginVersion this plugin's version, also the harness's and the runtime's
 */
public record BenchmarkRequest(
    List<String> types,
    Optional<Path> corpus,
    String mode,
    List<String> generatorArguments,
    List<Path> sourceRoots,
    List<Path> importPaths,
    List<DependencyJar> dependencyJars,
    Path directory,
    String pluginVersion,
    ProtocSettings protoc,
    ChildMaven maven) {

  public BenchmarkRequest {
    types = List.copyOf(types);
    generatorArguments = List.copyOf(generatorArguments);
    sourceRoots = List.copyOf(sourceRoots);
    importPaths = List.copyOf(importPaths);
    dependencyJars = List.copyOf(dependencyJars);
  }

  /** How to start the child Maven as this one was started: same installation, settings, local repository. */
  public record ChildMaven(Path mavenHome, Optional<Path> userSettings, Optional<Path> globalSettings,
      Path localRepository, boolean offline) {}
}
