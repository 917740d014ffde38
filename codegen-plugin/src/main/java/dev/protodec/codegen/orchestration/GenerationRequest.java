package dev.protodec.codegen.orchestration;

import dev.protodec.codegen.protoc.ProtocSettings;
import dev.protodec.codegen.sources.DependencyJar;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one run needs, taken from the Mojo's parameters and the project. Immutable.
 *
 * @param goal the goal's name ({@code generate}, {@code generate-test}); names the files this run
 *     keeps in {@code workDirectory}
 * @param sourceRoots directories with the {@code .proto} files to generate code for
 * @param includes Ant-style patterns of the files to take from the source roots
 * @param excludes Ant-style patterns of files to leave out
 * @param importPaths further directories that imports are resolved from; nothing is generated for them
 * @param dependencyJars the project's dependency jars, whose {@code .proto} files may be imported
 * @param classPath where the protodec classes of imported types that this run does not generate must
 *     be: the dependencies' jars and class directories (and, for test code, the main classes)
 * @param outputDirectory where the Java sources go; emptied before every generation
 * @param replacePackages Java package prefixes to rewrite, in order
 * @param generateImports whether the imported files get code too, not only the source roots' files
 * @param generateGrpc whether each {@code service} gets a grpc-java class
 * @param protoc which protoc to run and where to get it
 * @param descriptorSetResource where to copy protoc's descriptor set, if the user asked for it
 * @param workDirectory the plugin's own state: fingerprints, protoc, extracted imports
 * @param pluginVersion this plugin's version, part of the fingerprint
 * @param pluginJar this plugin's jar, whose stamp is part of the fingerprint (snapshots change without
 *     changing their version)
 */
public record GenerationRequest(
    String goal,
    List<Path> sourceRoots,
    List<String> includes,
    List<String> excludes,
    List<Path> importPaths,
    List<DependencyJar> dependencyJars,
    List<Path> classPath,
    Path outputDirectory,
    Map<String, String> replacePackages,
    boolean generateImports,
    boolean generateGrpc,
    ProtocSettings protoc,
    Optional<Path> descriptorSetResource,
    Path workDirectory,
    String pluginVersion,
    Optional<Path> pluginJar) {

  public GenerationRequest {
    sourceRoots = List.copyOf(sourceRoots);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    importPaths = List.copyOf(importPaths);
    dependencyJars = List.copyOf(dependencyJars);
    classPath = List.copyOf(classPath);
    replacePackages = Collections.unmodifiableMap(new LinkedHashMap<>(replacePackages));
  }

  Path fingerprintFile() {
    return workDirectory.resolve(goal + ".fingerprint");
  }

  Path descriptorSetOut() {
    return workDirectory.resolve(goal + ".desc");
  }

  Path protocArgumentFile() {
    return workDirectory.resolve(goal + ".protoc-args");
  }

  Path protocInstallDirectory() {
    return workDirectory.resolve("protoc");
  }

  Path importsDirectory() {
    return workDirectory.resolve("imports");
  }

  Path wellKnownTypesDirectory() {
    return workDirectory.resolve("well-known-types");
  }
}
