package dev.protodec.codegen.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProtoJarExtractorTest {
  @TempDir Path dir;

  @Test
  void copiesOnlyProtoEntriesKeepingTheirPaths() throws IOException {
    Path jar = jar(Map.of(
        "opentelemetry/proto/common/v1/common.proto", "syntax = \"proto3\";",
        "io/opentelemetry/Common.class", "not a proto",
        "META-INF/MANIFEST.MF", "Manifest-Version: 1.0"));
    Path target = dir.resolve("imports");

    int copied = ProtoJarExtractor.extract(jar, target, ProtoJarExtractor::isProto);

    assertEquals(1, copied);
    assertEquals("syntax = \"proto3\";",
        Files.readString(target.resolve("opentelemetry/proto/common/v1/common.proto")));
    assertFalse(Files.exists(target.resolve("META-INF")));
  }

  @Test
  void replacesWhatAnEarlierExtractionLeft() throws IOException {
    Path target = dir.resolve("imports");
    Files.createDirectories(target);
    Files.writeString(target.resolve("stale.proto"), "old");

    ProtoJarExtractor.extract(jar(Map.of("fresh.proto", "new")), target, ProtoJarExtractor::isProto);

    assertFalse(Files.exists(target.resolve("stale.proto")));
    assertTrue(Files.exists(target.resolve("fresh.proto")));
  }

  @Test
  void createsNothingForAJarWithoutProtos() throws IOException {
    Path target = dir.resolve("imports");

    assertEquals(0, ProtoJarExtractor.extract(jar(Map.of("a/B.class", "x")), target, ProtoJarExtractor::isProto));
    assertFalse(Files.exists(target));
  }

  @Test
  void refusesEntriesThatEscapeTheTarget() throws IOException {
    Path jar = jar(Map.of("../../evil.proto", "x"));

    assertThrows(IOException.class,
        () -> ProtoJarExtractor.extract(jar, dir.resolve("imports"), ProtoJarExtractor::isProto));
    assertFalse(Files.exists(dir.getParent().resolve("evil.proto")));
  }

  @Test
  void wellKnownTypesComeFromProtobufJava() throws IOException {
    Path target = dir.resolve("wkt");

    assertTrue(WellKnownTypes.extract(target) >= 10);
    assertTrue(Files.readString(target.resolve("google/protobuf/timestamp.proto")).contains("message Timestamp"));
    assertTrue(Files.exists(target.resolve("google/protobuf/duration.proto")));
  }

  @Test
  void wellKnownTypesAreTheTopLevelGoogleProtobufFiles() {
    assertTrue(WellKnownTypes.isWellKnownType("google/protobuf/any.proto"));
    assertFalse(WellKnownTypes.isWellKnownType("google/protobuf/compiler/plugin.class"));
    assertFalse(WellKnownTypes.isWellKnownType("google/protobuf/nested/x.proto"));
    assertFalse(WellKnownTypes.isWellKnownType("google/api/http.proto"));
  }

  private Path jar(Map<String, String> entries) throws IOException {
    Path jar = Files.createTempFile(dir, "dependency", ".jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
