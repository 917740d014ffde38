package dev.protodec.codegen.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the fingerprint of the last successful run is kept ({@code target/protodec/<goal>.fingerprint}). */
public final class FingerprintFile {
  private final Path file;

  public FingerprintFile(Path file) {
    this.file = file;
  }

  public Path path() {
    return file;
  }

  /** Whether the stored fingerprint equals {@code fingerprint}; false when none is stored. */
  public boolean matches(String fingerprint) throws IOException {
    return Files.isRegularFile(file)
        && Files.readString(file, StandardCharsets.US_ASCII).trim().equals(fingerprint);
  }

  /** Forgets the stored fingerprint, so a run that fails half-way is not taken as up to date. */
  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  public void write(String fingerprint) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, fingerprint + "\n", StandardCharsets.US_ASCII);
  }
}
