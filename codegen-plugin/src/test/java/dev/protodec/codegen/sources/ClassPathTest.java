package dev.protodec.codegen.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.protodec.codegen.generator.ExistingClasses.Lookup;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTest {
  @TempDir Path dir;

  @Test
  void findsClassesInDirectoriesAndJarsAndTellsProtodecClassesApart() throws IOException {
    Path classes = dir.resolve("classes");
    write(classes.resolve("com/example/Own.class"), "...dev/protodec/runtime/ProtoMessage...");
    Path jar = dir.resolve("dep.jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("com/example/Outer$Inner.class"));
      zip.write("...dev/protodec/runtime/ProtoEnum...".getBytes(StandardCharsets.US_ASCII));
      zip.putNextEntry(new ZipEntry("com/google/protobuf/Timestamp.class"));
      zip.write("...com/google/protobuf/GeneratedMessage...".getBytes(StandardCharsets.US_ASCII));
    }
    ClassPath classPath = new ClassPath(List.of(dir.resolve("missing"), classes, jar));

    assertEquals(Lookup.PROTODEC, classPath.lookup("com.example.Own"));
    assertEquals(Lookup.PROTODEC, classPath.lookup("com.example.Outer$Inner"));
    assertEquals(Lookup.OTHER, classPath.lookup("com.google.protobuf.Timestamp"));
    assertEquals(Lookup.ABSENT, classPath.lookup("com.example.Nowhere"));
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
