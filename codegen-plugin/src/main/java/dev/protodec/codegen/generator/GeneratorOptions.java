package dev.protodec.codegen.generator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a user may configure about the generated code.
 *
 * @param replacePackages Java package prefixes to rewrite, tried in order ({@code com.foo -> com.foo.fast});
 *     a prefix matches a whole package or a package segment boundary only
 * @param generateGrpc whether each {@code service} gets a grpc-java class ({@code <Service>Grpc})
 */
public record GeneratorOptions(Map<String, String> replacePackages, boolean generateGrpc) {

  public GeneratorOptions {
    replacePackages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(replacePackages));
  }

  /** Messages and enums only, no gRPC classes. */
  public GeneratorOptions(Map<String, String> replacePackages) {
    this(replacePackages, false);
  }

  public static GeneratorOptions defaults() {
    return new GeneratorOptions(Map.of());
  }

  /**
   * Parses the plugin's {@code replacePackages} parameter: {@code from=to,from2=to2}.
   *
   * @throws IllegalArgumentException naming the entry that is not of the form {@code from=to}
   */
  public static Map<String, String> parseReplacePackages(String spec) {
    Map<String, String> result = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return result;
    }
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int eq = trimmed.indexOf('=');
      if (eq <= 0 || eq == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "replacePackages entry '" + trimmed + "' is not of the form from.package=to.package");
      }
      result.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
    }
    return result;
  }

  /** The Java package after replacement. */
  public String mapPackage(String javaPackage) {
    for (Map.Entry<String, String> e : replacePackages.entrySet()) {
      String from = e.getKey();
      if (javaPackage.equals(from)) {
        return e.getValue();
      }
      if (javaPackage.startsWith(from + ".")) {
        return e.getValue() + javaPackage.substring(from.length());
      }
    }
    return javaPackage;
  }
}
