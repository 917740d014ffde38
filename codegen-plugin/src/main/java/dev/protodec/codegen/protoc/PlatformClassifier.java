package dev.protodec.codegen.protoc;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The classifier of the {@code com.google.protobuf:protoc} artifact built for a platform, such as
 * {@code linux-x86_64} or {@code osx-aarch_64}.
 */
public final class PlatformClassifier {
  /** The platforms protoc is published for on Maven Central. */
  private static final Set<String> PUBLISHED = Set.of(
      "linux-x86_64", "linux-aarch_64", "linux-x86_32", "linux-ppcle_64", "linux-s390_64",
      "osx-x86_64", "osx-aarch_64",
      "windows-x86_64", "windows-x86_32");

  private PlatformClassifier() {}

  /** The classifier for the JVM this runs in. */
  public static Optional<String> current() {
    return detect(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
  }

  /**
   * The classifier for a platform named by Java's {@code os.name} and {@code os.arch}, or empty
   * when protoc is not published for it.
   */
  public static Optional<String> detect(String osName, String osArch) {
    String os = os(osName.toLowerCase(Locale.ROOT));
    String arch = arch(osArch.toLowerCase(Locale.ROOT));
    String classifier = os + "-" + arch;
    return os.isEmpty() || arch.isEmpty() || !PUBLISHED.contains(classifier)
        ? Optional.empty()
        : Optional.of(classifier);
  }

  private static String os(String name) {
    if (name.startsWith("linux")) {
      return "linux";
    }
    if (name.startsWith("mac") || name.startsWith("darwin") || name.contains("os x")) {
      return "osx";
    }
    if (name.startsWith("windows")) {
      return "windows";
    }
    return "";
  }

  private static String arch(String arch) {
    return switch (arch) {
      case "x86_64", "amd64", "x64", "em64t" -> "x86_64";
      case "aarch64", "arm64" -> "aarch_64";
      case "x86", "x86_32", "i386", "i486", "i586", "i686" -> "x86_32";
      case "ppc64le" -> "ppcle_64";
      case "s390x" -> "s390_64";
      default -> "";
    };
  }
}
