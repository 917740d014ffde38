package dev.protodec.codegen.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.protodec.codegen.protoc.ProtocSettings;
import dev.protodec.codegen.sources.DependencyJar;
import dev.protodec.codegen.sources.ProtoFile;
import dev.protodec.codegen.sources.ProtoFileScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestFingerprintTest {
  @TempDir Path dir;
  Path sources;
  Path imports;
  Path jar;

  @BeforeEach
  void project() throws IOException {
    sources = Files.createDirectories(dir.resolve("src/main/proto"));
    imports = Files.createDirectories(dir.resolve("shared"));
    jar = dir.resolve("dep.jar");
    Files.writeString(sources.resolve("a.proto"), "syntax = \"proto3\"; import \"shared.proto\";");
    Files.writeString(imports.resolve("shared.proto"), "syntax = \"proto3\";");
    Files.writeString(jar, "jar");
  }

  @Test
  void unchangedProjectKeepsItsFingerprint() throws IOException {
    assertEquals(fingerprint(request("4.36.2", Map.of())), fingerprint(request("4.36.2", Map.of())));
  }

  @Test
  void editingAProtoChangesIt() throws IOException {
    String before = fingerprint(request("4.36.2", Map.of()));

    Files.writeString(sources.resolve("a.proto"), "syntax = \"proto3\"; message A {}");

    assertNotEquals(before, fingerprint(request("4.36.2", Map.of())));
  }

  @Test
  void editingAnImportedProtoChangesIt() throws IOException {
    String before = fingerprint(request("4.36.2", Map.of()));

    Files.writeString(imports.resolve("shared.proto"), "syntax = \"proto3\"; message S {}");

    assertNotEquals(before, fingerprint(request("4.36.2", Map.of())));
  }

  @Test
  void addingAProtoChangesIt() throws IOException {
    String before = fingerprint(request("4.36.2", Map.of()));

    Files.writeString(sources.resolve("b.proto"), "syntax = \"proto3\";");

    assertNotEquals(before, fingerprint(request("4.36.2", Map.of())));
  }

  @Test
  void rebuiltDependencyJarChangesIt() throws IOException {
    String before = fingerprint(request("4.36.2", Map.of()));

    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));

    assertNotEquals(before, fingerprint(request("4.36.2", Map.of())));
  }

  @Test
  void parametersChangeIt() throws IOException {
    String before = fingerprint(request("4.36.2", Map.of()));

    assertNotEquals(before, fingerprint(request("4.33.0", Map.of())));
    assertNotEquals(before, fingerprint(request("4.36.2", Map.of("a", "b"))));
  }

  private GenerationRequest request(String protocVersion, Map<String, String> replacePackages) {
    return new GenerationRequest(
        "generate",
        List.of(sources),
        List.of("**/*.proto"),
        List.of(),
        List.of(imports),
        List.of(new DependencyJar("g", "a", "", jar)),
        List.of(jar),
        dir.resolve("target/generated-sources/protodec"),
        replacePackages,
        false,
        false,
        new ProtocSettings(protocVersion, Optional.empty(), null, List.of()),
        Optional.empty(),
        dir.resolve("target/protodec"),
        "0.1.0",
        Optional.empty());
  }

  private String fingerprint(GenerationRequest request) throws IOException {
    List<ProtoFile> files = ProtoFileScanner.allProtoFiles().scan(request.sourceRoots());
    return RequestFingerprint.of(request, files);
  }
}
