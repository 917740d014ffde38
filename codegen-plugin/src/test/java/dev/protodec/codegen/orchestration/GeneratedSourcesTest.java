package dev.protodec.codegen.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.protodec.codegen.generator.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSourcesTest {
  @TempDir Path dir;

  @Test
  void writesFilesAndDropsWhatTheLastRunLeft() throws IOException {
    Path out = dir.resolve("generated-sources/protodec");
    Files.createDirectories(out.resolve("com/old"));
    Files.writeString(out.resolve("com/old/Removed.java"), "class Removed {}");

    GeneratedSources.replace(out, List.of(new GeneratedFile("com/example/Foo.java", "class Foo {}")));

    assertEquals("class Foo {}", Files.readString(out.resolve("com/example/Foo.java")));
    assertFalse(Files.exists(out.resolve("com/old")));
  }

  @Test
  void refusesPathsOutsideTheOutputDirectory() {
    Path out = dir.resolve("out");

    assertThrows(IOException.class,
        () -> GeneratedSources.replace(out, List.of(new GeneratedFile("../Evil.java", ""))));
    assertFalse(Files.exists(dir.resolve("Evil.java")));
  }

  @Test
  void refusesTheSameFileTwice() {
    List<GeneratedFile> twice =
        List.of(new GeneratedFile("a/A.java", "1"), new GeneratedFile("a/A.java", "2"));

    assertThrows(IOException.class, () -> GeneratedSources.replace(dir.resolve("out"), twice));
  }
}
