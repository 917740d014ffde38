package dev.protodec.codegen.sources;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern as Maven users write them in {@code <includes>}: {@code **} spans any
 * number of directories (also none), {@code *} and {@code ?} stay within one path segment.
 *
 * <p>Paths and patterns use {@code /} separators; a pattern ending in {@code /} means everything
 * below that directory.
 */
public final class PathPattern {
  private final String pattern;
  private final Pattern regex;

  private PathPattern(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  public static PathPattern compile(String pattern) {
    String normalized = pattern.trim().replace('\\', '/');
    while (normalized.startsWith("/")) {
      normalized = normalized.substring(1);
    }
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("empty path pattern");
    }
    if (normalized.endsWith("/")) {
      normalized += "**";
    }
    return new PathPattern(pattern, Pattern.compile(toRegex(normalized)));
  }

  /** Whether {@code relativePath} ({@code /}-separated, relative to its root) matches. */
  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).matches();
  }

  @Override
  public String toString() {
    return pattern;
  }

  private static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        regex.append("(?:.*/)?");
        i += 3;
      } else if (glob.startsWith("**", i)) {
        regex.append(".*");
        i += 2;
      } else if (c == '*') {
        regex.append("[^/]*");
        i++;
      } else if (c == '?') {
        regex.append("[^/]");
        i++;
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return regex.toString();
  }
}
