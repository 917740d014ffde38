package dev.protodec.codegen.protoc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs protoc and collects what it prints.
 *
 * <p>The arguments go into an argument file ({@code protoc @file}, one argument per line), which
 * keeps long file lists under Windows' command-line limit and leaves a record of the last run. protoc
 * runs in the argument file's directory, so a file named like an input in the user's working
 * directory is never mistaken for it. stderr is merged into stdout and read to the end before
 * waiting, so protoc can never block on a full pipe.
 */
public final class ProtocRunner {
  private ProtocRunner() {}

  /**
   * Runs {@code invocation} and waits for protoc to exit.
   *
   * @param argumentFile where the arguments are written; overwritten
   */
  public static ProtocResult run(ProtocInvocation invocation, Path argumentFile)
      throws IOException, InterruptedException {
    Path arguments = argumentFile.toAbsolutePath();
    Files.createDirectories(arguments.getParent());
    Files.write(arguments, invocation.arguments(), StandardCharsets.UTF_8);
    Files.createDirectories(invocation.descriptorSetOut().toAbsolutePath().getParent());

    Process process = new ProcessBuilder(invocation.executable().toString(), "@" + arguments)
        .directory(arguments.getParent().toFile())
        .redirectErrorStream(true)
        .start();
    try {
      process.getOutputStream().close();
      List<String> output = readLines(process);
      return new ProtocResult(process.waitFor(), output);
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static List<String> readLines(Process process) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
