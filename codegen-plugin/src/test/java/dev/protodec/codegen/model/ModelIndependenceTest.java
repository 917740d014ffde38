package dev.protodec.codegen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The model decides, the generator emits: no model class may refer to the generator package. */
class ModelIndependenceTest {

  @Test
  void noModelSourceImportsTheGeneratorPackage() throws IOException {
    Path model = Path.of("src/main/java/dev/protodec/codegen/model");
    List<String> offenders;
    try (Stream<Path> files = Files.list(model)) {
      offenders = files.filter(p -> p.toString().endsWith(".java"))
          .filter(p -> read(p).contains("import dev.protodec.codegen.generator"))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
    assertEquals(List.of(), offenders);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
