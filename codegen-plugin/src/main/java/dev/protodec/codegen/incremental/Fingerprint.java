package dev.protodec.codegen.incremental;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 digest built from named values and files. Every value is written with its key and its
 * length, so {@code ("ab", "c")} and {@code ("a", "bc")} give different fingerprints.
 */
public final class Fingerprint {
  private final MessageDigest digest;

  private Fingerprint(MessageDigest digest) {
    this.digest = digest;
  }

  public static Fingerprint sha256() {
    try {
      return new Fingerprint(MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Adds {@code String.valueOf(value)} under {@code key}. */
  public Fingerprint add(String key, Object value) {
    field(key);
    field(String.valueOf(value));
    return this;
  }

  /** Adds the complete content of {@code file} under {@code key}. */
  public Fingerprint addContent(String key, Path file) throws IOException {
    field(key);
    byte[] buffer = new byte[8192];
    long length = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        length += n;
      }
    }
    field(Long.toString(length));
    return this;
  }

  /**
   * Adds the path, size and last-modified time of {@code file} under {@code key}: cheap for big
   * files such as jars, whose content changes whenever they are rewritten.
   */
  public Fingerprint addStamp(String key, Path file) throws IOException {
    if (!Files.exists(file)) {
      return add(key, file + " (missing)");
    }
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return add(key, file + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
  }

  /** The digest in lower-case hex. The fingerprint can't be used afterwards. */
  public String toHex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void field(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }
}
