package dev.protodec.codegen.protoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtocDiagnosticsTest {
  @TempDir Path dir;

  @Test
  void errorLineGetsTheRealPathOfTheFirstRootThatHasTheFile() throws IOException {
    Path first = dir.resolve("src/main/proto");
    Path second = dir.resolve("imports");
    Files.createDirectories(first.resolve("com/example"));
    Files.createDirectories(second.resolve("com/example"));
    Files.writeString(first.resolve("com/example/broken.proto"), "");
    Files.writeString(second.resolve("com/example/broken.proto"), "");

    List<String> lines = ProtocDiagnostics.withRealPaths(
        List.of("com/example/broken.proto:7:12: Expected \";\"."), List.of(first, second));

    assertEquals(List.of(first.resolve("com/example/broken.proto").toAbsolutePath()
        + ":7:12: Expected \";\"."), lines);
  }

  @Test
  void warningsAndFileLevelMessagesAreMappedToo() throws IOException {
    Files.writeString(dir.resolve("a.proto"), "");

    assertEquals(dir.resolve("a.proto").toAbsolutePath() + ":3:1: warning: Import b.proto is unused.",
        ProtocDiagnostics.withRealPath("a.proto:3:1: warning: Import b.proto is unused.", List.of(dir)));
    assertEquals(dir.resolve("a.proto").toAbsolutePath() + ": some file-level problem",
        ProtocDiagnostics.withRealPath("a.proto: some file-level problem", List.of(dir)));
  }

  @Test
  void linesWithoutAKnownFileAreKept() {
    List<String> lines = List.of(
        "missing.proto:1:1: File not found.",
        "--descriptor_set_out: No such file or directory",
        "");

    assertEquals(lines, ProtocDiagnostics.withRealPaths(lines, List.of(dir)));
  }

  @Test
  void filesNotFoundAreTheImportsProtocCouldNotResolve() {
    List<String> lines = List.of(
        "/tmp/other: warning: directory does not exist.",
        "com/x/missing.proto: File not found.",
        "a/a.proto:2:1: Import \"com/x/missing.proto\" was not found or had errors.",
        "b.proto: File not found.",
        "com/x/missing.proto: File not found.");

    assertEquals(List.of("com/x/missing.proto", "b.proto"), ProtocDiagnostics.filesNotFound(lines));
  }
}
