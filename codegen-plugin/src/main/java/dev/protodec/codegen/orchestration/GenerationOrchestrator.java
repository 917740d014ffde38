package dev.protodec.codegen.orchestration;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.protodec.codegen.generator.GeneratedFile;
import dev.protodec.codegen.generator.GeneratorException;
import dev.protodec.codegen.generator.GeneratorOptions;
import dev.protodec.codegen.generator.ProtodecGenerator;
import dev.protodec.codegen.incremental.FingerprintFile;
import dev.protodec.codegen.model.ShippedTypes;
import dev.protodec.codegen.protoc.ProtocDiagnostics;
import dev.protodec.codegen.protoc.ProtocException;
import dev.protodec.codegen.protoc.ProtocInvocation;
import dev.protodec.codegen.protoc.ProtocResolver;
import dev.protodec.codegen.protoc.ProtocResult;
import dev.protodec.codegen.protoc.ProtocRunner;
import dev.protodec.codegen.sources.ClassPath;
import dev.protodec.codegen.sources.DependencyJar;
import dev.protodec.codegen.sources.ImportRoots;
import dev.protodec.codegen.sources.ProtoFile;
import dev.protodec.codegen.sources.ProtoFileScanner;
import dev.protodec.codegen.sources.ProtoJarExtractor;
import dev.protodec.codegen.sources.WellKnownTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs one request: scan, skip when the fingerprint is unchanged, otherwise protoc, generator, write.
 *
 * <p>Stateless, so one instance serves parallel builds. Problems in the user's schema fail with
 * {@link MojoFailureException}; problems of the environment (no protoc, I/O) with
 * {@link MojoExecutionException}.
 */
@Named
@Singleton
public final class GenerationOrchestrator {
  private final ProtocResolver protocResolver;

  @Inject
  public GenerationOrchestrator(ProtocResolver protocResolver) {
    this.protocResolver = protocResolver;
  }

  public GenerationOutcome generate(GenerationRequest request, Log log)
      throws MojoExecutionException, MojoFailureException {
    try {
      return run(request, log);
    } catch (IOException e) {
      throw new MojoExecutionException("protodec: " + e.getMessage(), e);
    }
  }

  private GenerationOutcome run(GenerationRequest request, Log log)
      throws IOException, MojoExecutionException, MojoFailureException {
    List<ProtoFile> sources = scanner(request).scan(request.sourceRoots());
    if (sources.isEmpty()) {
      log.debug("protodec: no .proto files in " + request.sourceRoots() + ", nothing to generate");
      return GenerationOutcome.NO_SOURCES;
    }
    String fingerprint = RequestFingerprint.of(request, sources);
    FingerprintFile stored = new FingerprintFile(request.fingerprintFile());
    if (stored.matches(fingerprint) && outputsExist(request)) {
      log.debug("protodec: up to date (" + stored.path() + "), skipping protoc and generation");
      return GenerationOutcome.UP_TO_DATE;
    }
    stored.delete();

    List<String> names = sources.stream().map(ProtoFile::relativePath).toList();
    FileDescriptorSet descriptors = compile(request, names, log);
    List<String> toGenerate = request.generateImports() ? withImports(request, descriptors) : names;
    List<GeneratedFile> files = generateJava(request, descriptors, toGenerate);
    GeneratedSources.replace(request.outputDirectory(), files);
    Optional<Path> resource = request.descriptorSetResource();
    if (resource.isPresent()) {
      Files.createDirectories(resource.get().getParent());
      Files.copy(request.descriptorSetOut(), resource.get(), StandardCopyOption.REPLACE_EXISTING);
    }
    stored.write(fingerprint);
    log.debug("protodec: generated " + files.size() + " Java file(s) from " + names.size()
        + " .proto file(s) into " + request.outputDirectory());
    return GenerationOutcome.GENERATED;
  }

  /**
   * Every file of the descriptor set, less the well-known types that the runtime ships, unless
   * {@code replacePackages} moves {@code com.google.protobuf} to a package of the user's own.
   */
  private static List<String> withImports(GenerationRequest request, FileDescriptorSet descriptors) {
    String wktPackage = ShippedTypes.PROTOBUF_JAVA_PACKAGE;
    boolean ownWellKnownTypes = !new GeneratorOptions(request.replacePackages())
        .mapPackage(wktPackage).equals(wktPackage);
    return descriptors.getFileList().stream()
        .map(file -> file.getName())
        .filter(name -> ownWellKnownTypes || !ShippedTypes.isShipped(name))
        .toList();
  }

  private static ProtoFileScanner scanner(GenerationRequest request) throws MojoExecutionException {
    try {
      return new ProtoFileScanner(request.includes(), request.excludes());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("includes " + request.includes() + " or excludes "
          + request.excludes() + ": " + e.getMessage(), e);
    }
  }

  private static boolean outputsExist(GenerationRequest request) {
    return Files.isDirectory(request.outputDirectory())
        && request.descriptorSetResource().map(Files::isRegularFile).orElse(true);
  }

  private FileDescriptorSet compile(GenerationRequest request, List<String> names, Log log)
      throws IOException, MojoExecutionException, MojoFailureException {
    ImportRoots importRoots = importRoots(request, log);
    ProtocInvocation invocation = new ProtocInvocation(
        protocExecutable(request), importRoots.paths(), request.descriptorSetOut(), names);
    log.debug("protodec: running " + invocation.executable() + " " + String.join(" ", invocation.arguments()));
    ProtocResult result = runProtoc(invocation, request.protocArgumentFile());
    List<String> messages = ProtocDiagnostics.withRealPaths(result.output(), importRoots.paths());
    if (!result.succeeded()) {
      throw new MojoFailureException(protocFailure(request, result, messages, importRoots));
    }
    messages.stream().filter(line -> !line.isBlank()).forEach(line -> log.warn("protoc: " + line));
    return FileDescriptorSet.parseFrom(Files.readAllBytes(request.descriptorSetOut()));
  }

  /** protoc's messages, then for each file it could not find, where it was looked for. */
  private static String protocFailure(GenerationRequest request, ProtocResult result,
      List<String> messages, ImportRoots importRoots) {
    StringBuilder out = new StringBuilder("protoc failed with exit code " + result.exitCode()
        + " (arguments in " + request.protocArgumentFile() + "):\n" + String.join("\n", messages));
    for (String missing : ProtocDiagnostics.filesNotFound(messages)) {
      out.append("\n").append(importRoots.notFound(missing));
    }
    return out.toString();
  }

  private Path protocExecutable(GenerationRequest request) throws IOException, MojoExecutionException {
    try {
      return protocResolver.executable(request.protoc(), request.protocInstallDirectory());
    } catch (ProtocException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private static ProtocResult runProtoc(ProtocInvocation invocation, Path argumentFile)
      throws IOException, MojoExecutionException {
    try {
      return ProtocRunner.run(invocation, argumentFile);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("interrupted while protoc was running", e);
    }
  }

  /**
   * The {@code -I} roots, first match wins: the source roots, the user's import paths, the
   * {@code .proto} files of each dependency jar, and last protobuf-java's well-known types.
   */
  private static ImportRoots importRoots(GenerationRequest request, Log log) throws IOException {
    List<Path> sourceRoots = request.sourceRoots().stream().filter(Files::isDirectory).toList();
    List<Path> importPaths = new ArrayList<>();
    for (Path importPath : request.importPaths()) {
      if (Files.isDirectory(importPath)) {
        importPaths.add(importPath);
      } else {
        log.warn("protodec: import path " + importPath + " is not a directory, ignored");
      }
    }
    Map<DependencyJar, Path> jarRoots = new LinkedHashMap<>();
    List<DependencyJar> jarsWithoutProtos = new ArrayList<>();
    for (DependencyJar jar : request.dependencyJars()) {
      Path directory = jar.extractionDirectory(request.importsDirectory());
      if (extractProtos(jar, directory) > 0) {
        log.debug("protodec: importing .proto files of " + jar);
        jarRoots.put(jar, directory);
      } else {
        jarsWithoutProtos.add(jar);
      }
    }
    Path wellKnownTypes = request.wellKnownTypesDirectory();
    WellKnownTypes.extract(wellKnownTypes);
    return new ImportRoots(sourceRoots, importPaths, jarRoots, jarsWithoutProtos,
        wellKnownTypes, WellKnownTypes.list(wellKnownTypes));
  }

  private static int extractProtos(DependencyJar jar, Path directory) throws IOException {
    try {
      return ProtoJarExtractor.extract(jar.file(), directory, ProtoJarExtractor::isProto);
    } catch (IOException e) {
      throw new IOException("cannot read the .proto files of dependency " + jar + ": " + e.getMessage(), e);
    }
  }

  private static List<GeneratedFile> generateJava(
      GenerationRequest request, FileDescriptorSet descriptors, List<String> names)
      throws MojoFailureException {
    try {
      return new ProtodecGenerator(
              new GeneratorOptions(request.replacePackages(), request.generateGrpc()))
          .generate(descriptors, names, new ClassPath(request.classPath()));
    } catch (GeneratorException e) {
      throw new MojoFailureException("protodec: " + e.getMessage(), e);
    }
  }
}
