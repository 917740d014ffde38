package dev.protodec.codegen.protoc;

import java.util.List;

/**
 * What a protoc run ended with.
 *
 * @param exitCode the process's exit code; 0 is success
 * @param output stdout and stderr, interleaved as protoc wrote them, one element per line
 */
public record ProtocResult(int exitCode, List<String> output) {

  public ProtocResult {
    output = List.copyOf(output);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
