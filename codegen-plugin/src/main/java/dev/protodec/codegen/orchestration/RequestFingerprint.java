package dev.protodec.codegen.orchestration;

import dev.protodec.codegen.incremental.Fingerprint;
import dev.protodec.codegen.sources.DependencyJar;
import dev.protodec.codegen.sources.ProtoFile;
import dev.protodec.codegen.sources.ProtoFileScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fingerprint of everything that decides a run's output. */
final class RequestFingerprint {
  private RequestFingerprint() {}

  /**
   * Covers the plugin, every parameter that changes the output, the content of every {@code .proto}
   * below the source roots and import paths (imports count too), the files to generate, the stamp
   * of every dependency jar, and the protoc to run.
   */
  static String of(GenerationRequest request, List<ProtoFile> filesToGenerate) throws IOException {
    Fingerprint fingerprint = Fingerprint.sha256()
        .add("plugin.version", request.pluginVersion())
        .add("goal", request.goal())
        .add("sourceRoots", request.sourceRoots())
        .add("includes", request.includes())
        .add("excludes", request.excludes())
        .add("importPaths", request.importPaths())
        .add("outputDirectory", request.outputDirectory())
        .add("replacePackages", request.replacePackages())
        .add("generateImports", request.generateImports())
        .add("generateGrpc", request.generateGrpc())
        .add("descriptorSetResource", request.descriptorSetResource())
        .add("protoc.version", request.protoc().version())
        .add("protoc.executable", request.protoc().executable());
    if (request.pluginJar().isPresent()) {
      fingerprint.addStamp("plugin.jar", request.pluginJar().get());
    }
    if (request.protoc().executable().isPresent()) {
      fingerprint.addStamp("protoc.stamp", request.protoc().executable().get());
    }
    for (ProtoFile file : filesToGenerate) {
      fingerprint.add("generate", file.path());
    }
    List<Path> protoDirectories = new ArrayList<>(request.sourceRoots());
    protoDirectories.addAll(request.importPaths());
    for (ProtoFile file : ProtoFileScanner.allProtoFiles().scan(protoDirectories)) {
      fingerprint.addContent(file.path().toString(), file.path());
    }
    for (DependencyJar jar : request.dependencyJars()) {
      fingerprint.addStamp(jar.groupId() + ":" + jar.artifactId() + ":" + jar.classifier(), jar.file());
    }
    return fingerprint.toHex();
  }
}
