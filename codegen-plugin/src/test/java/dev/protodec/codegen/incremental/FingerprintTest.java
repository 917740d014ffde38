package dev.protodec.codegen.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
  @TempDir Path dir;

  @Test
  void sameInputsSameFingerprint() throws IOException {
    Path proto = write("a.proto", "message A {}");

    assertEquals(
        Fingerprint.sha256().add("k", "v").addContent("a", proto).toHex(),
        Fingerprint.sha256().add("k", "v").addContent("a", proto).toHex());
  }

  @Test
  void contentChangeChangesTheFingerprint() throws IOException {
    Path proto = write("a.proto", "message A {}");
    String before = Fingerprint.sha256().addContent("a", proto).toHex();

    write("a.proto", "message A { int32 x = 1; }");

    assertNotEquals(before, Fingerprint.sha256().addContent("a", proto).toHex());
  }

  @Test
  void fieldBoundariesCount() {
    assertNotEquals(
        Fingerprint.sha256().add("ab", "c").toHex(),
        Fingerprint.sha256().add("a", "bc").toHex());
  }

  @Test
  void stampFollowsModificationTime() throws IOException {
    Path jar = write("dep.jar", "jar bytes");
    String before = Fingerprint.sha256().addStamp("dep", jar).toHex();

    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));

    assertNotEquals(before, Fingerprint.sha256().addStamp("dep", jar).toHex());
  }

  @Test
  void fileRemembersTheLastFingerprint() throws IOException {
    FingerprintFile file = new FingerprintFile(dir.resolve("protodec/generate.fingerprint"));
    assertFalse(file.matches("abc"));

    file.write("abc");
    assertTrue(file.matches("abc"));
    assertFalse(file.matches("abd"));

    file.delete();
    assertFalse(file.matches("abc"));
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
