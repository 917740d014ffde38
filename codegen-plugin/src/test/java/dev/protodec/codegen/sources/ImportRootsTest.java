package dev.protodec.codegen.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportRootsTest {
  private final Path sources = Path.of("/p/src/main/proto");
  private final Path shared = Path.of("/p/shared");
  private final DependencyJar otel = new DependencyJar("io.opentelemetry.proto", "opentelemetry-proto", "",
      Path.of("/m2/otel.jar"));
  private final DependencyJar runtime = new DependencyJar("dev.protodec", "protodec-runtime", "",
      Path.of("/m2/runtime.jar"));
  private final Path otelRoot = Path.of("/p/target/protodec/imports/otel");
  private final Path wkt = Path.of("/p/target/protodec/well-known-types");

  private ImportRoots roots() {
    Map<DependencyJar, Path> jars = new LinkedHashMap<>();
    jars.put(otel, otelRoot);
    return new ImportRoots(List.of(sources), List.of(shared), jars, List.of(runtime), wkt,
        List.of("google/protobuf/timestamp.proto", "google/protobuf/any.proto"));
  }

  @Test
  void pathsAreProtocsImportOrder() {
    assertEquals(List.of(sources, shared, otelRoot, wkt), roots().paths());
  }

  @Test
  void notFoundNamesEveryPlaceLookedIn() {
    String message = roots().notFound("com/example/missing.proto");

    assertTrue(message.startsWith("import com/example/missing.proto is in none of the places"), message);
    assertTrue(message.contains("  source roots: " + sources + "\n"), message);
    assertTrue(message.contains("  importPaths: " + shared + "\n"), message);
    assertTrue(message.contains("  dependency jars with .proto files: io.opentelemetry.proto:opentelemetry-proto ("
        + otel.file() + ")\n"), message);
    assertTrue(message.contains("without .proto files, not searched: dev.protodec:protodec-runtime)"), message);
    assertTrue(message.contains("  well-known types: google/protobuf/{any.proto, timestamp.proto} (" + wkt + ")"),
        message);
    assertTrue(message.contains("<importPaths>"), message);
  }

  @Test
  void emptyKindsSayNone() {
    String message = new ImportRoots(List.of(sources), List.of(), Map.of(), List.of(), wkt, List.of())
        .notFound("x.proto");

    assertTrue(message.contains("  importPaths: none\n"), message);
    assertTrue(message.contains("  dependency jars with .proto files: none\n"), message);
    assertTrue(!message.contains("without .proto files"), message);
  }
}
