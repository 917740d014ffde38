package dev.protodec.codegen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated code as a reviewable artifact: the checked-in descriptor set {@code
 * src/test/golden/golden.desc} (protoc's, of {@code src/test/golden/proto}) is generated (with gRPC
 * classes) and every file must equal its checked-in copy under {@code src/test/golden/expected}, and no
 * file may be missing or extra. A change to the emitters is then a diff of those files in review.
 *
 * <p>{@code bin/update-golden} rewrites the descriptor set and the expected files (this test with {@code
 * -Dgolden.update=true}).
 */
class GoldenFilesTest {
  private static final Path GOLDEN = Path.of("src/test/golden");
  private static final Path EXPECTED = GOLDEN.resolve("expected");

  @Test
  void generatedSourcesEqualTheCheckedInExpectedFiles() throws Exception {
    FileDescriptorSet set = FileDescriptorSet.parseFrom(Files.readAllBytes(GOLDEN.resolve("golden.desc")));
    List<String> files = new ArrayList<>();
    for (FileDescriptorProto file : set.getFileList()) {
      if (file.getName().startsWith("golden/")) {
        files.add(file.getName());
      }
    }
    assertEquals(5, files.size(), "golden protos in golden.desc: " + files);
    Map<String, String> generated = new TreeMap<>();
    for (GeneratedFile file : new ProtodecGenerator(new GeneratorOptions(Map.of(), true)).generate(set, files)) {
      generated.put(file.relativePath(), file.content());
    }
    if (Boolean.getBoolean("golden.update")) {
      write(generated);
      return;
    }
    Map<String, String> expected = readExpected();
    List<String> problems = new ArrayList<>();
    for (String path : generated.keySet()) {
      if (!expected.containsKey(path)) {
        problems.add(path + ": generated, but not in expected/");
      } else if (!expected.get(path).equals(generated.get(path))) {
        problems.add(path + ": differs from expected/ (first difference at line "
            + firstDifferentLine(expected.get(path), generated.get(path)) + ")");
      }
    }
    for (String path : expected.keySet()) {
      if (!generated.containsKey(path)) {
        problems.add(path + ": in expected/, but no longer generated");
      }
    }
    if (!problems.isEmpty()) {
      fail("the generated code changed; review the change and run bin/update-golden to accept it:\n  "
          + String.join("\n  ", problems));
    }
  }

  private static Map<String, String> readExpected() throws IOException {
    Map<String, String> expected = new TreeMap<>();
    if (!Files.isDirectory(EXPECTED)) {
      return expected;
    }
    try (Stream<Path> paths = Files.walk(EXPECTED)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        expected.put(EXPECTED.relativize(path).toString().replace('\\', '/'), Files.readString(path));
      }
    }
    return expected;
  }

  private static void write(Map<String, String> generated) throws IOException {
    if (Files.isDirectory(EXPECTED)) {
      try (Stream<Path> paths = Files.walk(EXPECTED)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = EXPECTED.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }

  private static int firstDifferentLine(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return i + 1;
      }
    }
    return Math.min(a.length, b.length) + 1;
  }
}
