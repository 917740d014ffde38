package dev.protodec.codegen.benchmark;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.protodec.codegen.protoc.ProtocInvocation;
import dev.protodec.codegen.protoc.ProtocResult;
import dev.protodec.codegen.protoc.ProtocRunner;
import dev.protodec.codegen.sources.DependencyJar;
import dev.protodec.codegen.sources.ProtoFile;
import dev.protodec.codegen.sources.ProtoFileScanner;
import dev.protodec.codegen.sources.ProtoJarExtractor;
import dev.protodec.codegen.sources.WellKnownTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The user's schema as protoc sees it: the project's {@code .proto} files with their imports resolved as
 * {@code generate} resolves them (source roots, import paths, dependency jars, the well-known types), the
 * descriptor set, and every non-well-known file copied into the child project, so the child needs none
 * of the user's dependencies.
 */
final class SchemaProbe {
  private final Map<String, Descriptor> messages = new TreeMap<>();
  private final List<String> sourceFiles;
  private final List<Path> roots;
  private final FileDescriptorSet set;

  private SchemaProbe(List<String> sourceFiles, List<Path> roots, FileDescriptorSet set)
      throws DescriptorValidationException {
    this.sourceFiles = sourceFiles;
    this.roots = roots;
    this.set = set;
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    set.getFileList().forEach(file -> protos.put(file.getName(), file));
    Map<String, FileDescriptor> built = new HashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      build(file.getName(), protos, built).getMessageTypes().forEach(this::add);
    }
  }

  /** Runs protoc on the project's files; {@code work} holds the extracted imports and protoc's output. */
  static SchemaProbe run(BenchmarkRequest request, Path protoc, Path work)
      throws IOException, InterruptedException, MojoFailureException {
    List<Path> roots = new ArrayList<>();
    request.sourceRoots().stream().filter(Files::isDirectory).forEach(roots::add);
    request.importPaths().stream().filter(Files::isDirectory).forEach(roots::add);
    for (DependencyJar jar : request.dependencyJars()) {
      Path dir = jar.extractionDirectory(work.resolve("imports"));
      if (ProtoJarExtractor.extract(jar.file(), dir, ProtoJarExtractor::isProto) > 0) {
        roots.add(dir);
      }
    }
    Path wellKnown = work.resolve("well-known-types");
    WellKnownTypes.extract(wellKnown);
    roots.add(wellKnown);

    List<ProtoFile> files = ProtoFileScanner.allProtoFiles().scan(
        request.sourceRoots().stream().filter(Files::isDirectory).toList());
    if (files.isEmpty()) {
      throw new MojoFailureException("protodec:benchmark found no .proto file in " + request.sourceRoots()
          + "; set protoSourceRoots to where the project's schema is");
    }
    List<String> names = files.stream().map(ProtoFile::relativePath).distinct().toList();
    Path descriptors = work.resolve("descriptors.pb");
    ProtocResult result = ProtocRunner.run(new ProtocInvocation(protoc, roots, descriptors, names),
        work.resolve("protoc-arguments.txt"));
    if (!result.succeeded()) {
      throw new MojoFailureException("protoc failed with exit code " + result.exitCode() + ":\n"
          + String.join("\n", result.output()));
    }
    try {
      return new SchemaProbe(names, roots, FileDescriptorSet.parseFrom(Files.readAllBytes(descriptors)));
    } catch (DescriptorValidationException e) {
      throw new MojoFailureException("protoc's descriptor set does not validate: " + e.getMessage(), e);
    }
  }

  /** The type, or a failure listing the message types there are. */
  Descriptor message(String fullName) throws MojoFailureException {
    Descriptor type = messages.get(fullName);
    if (type == null) {
      throw new MojoFailureException("protodec:benchmark: no message type '" + fullName + "' in the schema ("
          + String.join(", ", sourceFiles) + " and their imports). Name one with its package, e.g. -Dprotodec.benchmark.type="
          + messages.keySet().stream().findFirst().orElse("pkg.Message") + ". The message types are:\n  "
          + String.join("\n  ", messages.keySet()));
    }
    return type;
  }

  FileDescriptorSet descriptorSet() {
    return set;
  }

  /** Copies every file of the descriptor set but the well-known types into {@code target}. */
  List<String> copyFiles(Path target) throws IOException {
    List<String> copied = new ArrayList<>();
    for (FileDescriptorProto file : set.getFileList()) {
      if (file.getName().startsWith("google/protobuf/")) {
        continue;
      }
      for (Path root : roots) {
        Path source = root.resolve(file.getName());
        if (Files.isRegularFile(source)) {
          Path copy = target.resolve(file.getName());
          Files.createDirectories(copy.getParent());
          Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
          copied.add(file.getName());
          break;
        }
      }
    }
    return copied;
  }

  /** The Java packages of the copied files, for the protodec plugin's {@code replacePackages}. */
  List<String> javaPackages() {
    return set.getFileList().stream()
        .filter(file -> !file.getName().startsWith("google/protobuf/"))
        .map(file -> file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage() : file.getPackage())
        .distinct().toList();
  }

  private void add(Descriptor type) {
    if (!type.getOptions().getMapEntry()) {
      messages.put(type.getFullName(), type);
    }
    type.getNestedTypes().forEach(this::add);
  }

  private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built) throws DescriptorValidationException {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(build(dependency, protos, built));
    }
    FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
    built.put(name, file);
    return file;
  }
}
