package dev.protodec.codegen.protoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Runs a shell script standing in for protoc: it prints its argument file and fails. */
@DisabledOnOs(OS.WINDOWS)
class ProtocRunnerTest {
  @TempDir Path dir;

  @Test
  void passesArgumentsThroughAFileAndCollectsBothStreams() throws Exception {
    Path fakeProtoc = script("""
        #!/bin/sh
        args="${1#@}"
        cat "$args"
        echo "broken.proto:3:5: Expected top-level statement." >&2
        exit 1
        """);
    ProtocInvocation invocation = new ProtocInvocation(
        fakeProtoc, List.of(dir.resolve("src dir")), dir.resolve("out/set.desc"), List.of("a/broken.proto"));

    ProtocResult result = ProtocRunner.run(invocation, dir.resolve("work/generate.protoc-args"));

    assertFalse(result.succeeded());
    assertEquals(1, result.exitCode());
    assertEquals("-I" + dir.resolve("src dir"), result.output().get(0));
    assertTrue(result.output().contains("--descriptor_set_out=" + dir.resolve("out/set.desc")));
    assertTrue(result.output().contains("a/broken.proto"));
    assertTrue(result.output().contains("broken.proto:3:5: Expected top-level statement."));
  }

  @Test
  void readsOutputLargerThanAPipeBuffer() throws Exception {
    Path chattyProtoc = script("""
        #!/bin/sh
        i=0
        while [ $i -lt 20000 ]; do echo "warning line $i" >&2; echo "out line $i"; i=$((i+1)); done
        exit 0
        """);
    ProtocInvocation invocation =
        new ProtocInvocation(chattyProtoc, List.of(), dir.resolve("set.desc"), List.of("x.proto"));

    ProtocResult result = ProtocRunner.run(invocation, dir.resolve("args"));

    assertTrue(result.succeeded());
    assertEquals(40000, result.output().size());
  }

  private Path script(String content) throws IOException {
    Path script = Files.createTempFile(dir, "protoc", ".sh");
    Files.writeString(script, content);
    assertTrue(script.toFile().setExecutable(true));
    return script;
  }
}
