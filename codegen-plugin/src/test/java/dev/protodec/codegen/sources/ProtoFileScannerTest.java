package dev.protodec.codegen.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoFileScannerTest {
  @TempDir Path dir;

  @Test
  void findsProtoFilesInEveryRootSortedWithinARoot() throws IOException {
    Path main = dir.resolve("main");
    Path extra = dir.resolve("extra");
    touch(main, "z.proto");
    touch(main, "com/example/a.proto");
    touch(main, "com/example/readme.txt");
    touch(extra, "b.proto");

    List<ProtoFile> found = ProtoFileScanner.allProtoFiles().scan(List.of(main, extra));

    assertEquals(
        List.of(
            new ProtoFile(main, "com/example/a.proto"),
            new ProtoFile(main, "z.proto"),
            new ProtoFile(extra, "b.proto")),
        found);
    assertEquals(main.resolve("com/example/a.proto"), found.get(0).path());
  }

  @Test
  void excludesWinOverIncludes() throws IOException {
    touch(dir, "api/user.proto");
    touch(dir, "api/internal/secret.proto");
    touch(dir, "other/thing.proto");

    ProtoFileScanner scanner = new ProtoFileScanner(List.of("api/**/*.proto"), List.of("**/internal/**"));

    assertEquals(List.of(new ProtoFile(dir, "api/user.proto")), scanner.scan(List.of(dir)));
  }

  @Test
  void missingRootsAreSkipped() throws IOException {
    assertEquals(List.of(), ProtoFileScanner.allProtoFiles().scan(List.of(dir.resolve("absent"))));
  }

  private static void touch(Path root, String relative) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "syntax = \"proto3\";\n");
  }
}
