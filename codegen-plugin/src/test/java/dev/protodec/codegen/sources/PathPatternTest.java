package dev.protodec.codegen.sources;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathPatternTest {

  @Test
  void doubleStarSlashMatchesNoDirectoryToo() {
    PathPattern pattern = PathPattern.compile("**/*.proto");
    assertTrue(pattern.matches("top.proto"));
    assertTrue(pattern.matches("a/b/c/deep.proto"));
    assertFalse(pattern.matches("a/readme.md"));
    assertFalse(pattern.matches("a/proto"));
  }

  @Test
  void singleStarStaysInOneSegment() {
    PathPattern pattern = PathPattern.compile("api/*.proto");
    assertTrue(pattern.matches("api/user.proto"));
    assertFalse(pattern.matches("api/v1/user.proto"));
    assertFalse(pattern.matches("other/api/user.proto"));
  }

  @Test
  void questionMarkIsOneCharacterOfAName() {
    PathPattern pattern = PathPattern.compile("v?/*.proto");
    assertTrue(pattern.matches("v1/a.proto"));
    assertFalse(pattern.matches("v10/a.proto"));
    assertFalse(pattern.matches("v//a.proto"));
  }

  @Test
  void doubleStarInTheMiddleSpansDirectories() {
    PathPattern pattern = PathPattern.compile("com/**/internal/*.proto");
    assertTrue(pattern.matches("com/internal/x.proto"));
    assertTrue(pattern.matches("com/example/deep/internal/x.proto"));
    assertFalse(pattern.matches("org/internal/x.proto"));
  }

  @Test
  void trailingSlashMeansEverythingBelow() {
    PathPattern pattern = PathPattern.compile("generated/");
    assertTrue(pattern.matches("generated/a.proto"));
    assertTrue(pattern.matches("generated/x/y.proto"));
    assertFalse(pattern.matches("other/a.proto"));
  }

  @Test
  void regexCharactersAreLiteral() {
    PathPattern pattern = PathPattern.compile("a+b/(c).proto");
    assertTrue(pattern.matches("a+b/(c).proto"));
    assertFalse(pattern.matches("aab/c.proto"));
  }

  @Test
  void backslashesAndLeadingSlashAreNormalized() {
    assertTrue(PathPattern.compile("\\api\\*.proto").matches("api/x.proto"));
  }

  @Test
  void emptyPatternIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> PathPattern.compile("  "));
  }
}
