package dev.protodec.codegen.protoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformClassifierTest {

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource({
    "Linux, amd64, linux-x86_64",
    "Linux, x86_64, linux-x86_64",
    "Linux, aarch64, linux-aarch_64",
    "Linux, ppc64le, linux-ppcle_64",
    "Linux, s390x, linux-s390_64",
    "Linux, i386, linux-x86_32",
    "Mac OS X, x86_64, osx-x86_64",
    "Mac OS X, aarch64, osx-aarch_64",
    "Darwin, arm64, osx-aarch_64",
    "Windows 11, amd64, windows-x86_64",
    "Windows Server 2022, x86, windows-x86_32",
  })
  void publishedPlatforms(String osName, String osArch, String classifier) {
    assertEquals(Optional.of(classifier), PlatformClassifier.detect(osName, osArch));
  }

  @ParameterizedTest(name = "{0} / {1} has no protoc")
  @CsvSource({
    "FreeBSD, amd64",
    "Linux, riscv64",
    "Windows 11, aarch64",
    "SunOS, sparcv9",
  })
  void unpublishedPlatforms(String osName, String osArch) {
    assertEquals(Optional.empty(), PlatformClassifier.detect(osName, osArch));
  }
}
