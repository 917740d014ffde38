package dev.protodec.doh.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --upstream-file}: one {@code HOST:PORT} per line ({@code #} starts a comment), read at start-up
 * and again on SIGHUP, so the upstream list can change without a restart.
 */
final class UpstreamFile {
  private UpstreamFile() {}

  /**
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException naming the line that is not {@code HOST:PORT}, or an empty list
   */
  static List<InetSocketAddress> read(Path file) throws IOException {
    List<InetSocketAddress> upstreams = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      try {
        upstreams.add(HostPortConverter.parse(entry));
      } catch (TypeConversionException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (upstreams.isEmpty()) {
      throw new IllegalArgumentException(file + " names no upstream");
    }
    return upstreams;
  }
}
