package dev.protodec.codegen.model;

import java.util.Locale;
import java.util.Set;

/** Java naming rules, following protobuf-java's so that accessor names match. */
public final class Names {
  private Names() {}

  private static final Set<String> JAVA_KEYWORDS =
      Set.of(
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
          "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
          "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
          "native", "new", "package", "private", "protected", "public", "return", "short", "static",
          "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
          "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed",
          "permits", "_");

  /**
   * Accessor stems that would clash with methods of {@code Object} or {@code ProtoMessage}
   * ({@code getClass}, {@code getSerializedSize}, ...): such a stem gets a trailing {@code _}.
   */
  private static final Set<String> RESERVED_STEMS =
      Set.of("Class", "SerializedSize", "CachedSize", "UnknownFields", "TypeName", "Initialized",
          "DefaultInstance");

  /**
   * protobuf-java's {@code UnderscoresToCamelCase}: underscores and other non-alphanumerics are dropped
   * and the next letter capitalised; a letter after a digit is capitalised too.
   */
  public static String camelCase(String name, boolean capitalizeFirst) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean capNext = capitalizeFirst;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'a' && c <= 'z') {
        sb.append(capNext ? Character.toUpperCase(c) : c);
        capNext = false;
      } else if (c >= 'A' && c <= 'Z') {
        if (i == 0 && !capitalizeFirst) {
          sb.append(Character.toLowerCase(c));
        } else {
          sb.append(c);
        }
        capNext = false;
      } else if (c >= '0' && c <= '9') {
        sb.append(c);
        capNext = true;
      } else {
        capNext = true;
      }
    }
    return sb.toString();
  }

  /** The accessor stem of a field: {@code foo_bar} → {@code FooBar}; clashing stems get {@code _}. */
  public static String accessorStem(String fieldName) {
    String stem = camelCase(fieldName, true);
    return RESERVED_STEMS.contains(stem) ? stem + "_" : stem;
  }

  /** A Java identifier for a generated member or variable, with a trailing {@code _} for keywords. */
  public static String identifier(String name) {
    return JAVA_KEYWORDS.contains(name) ? name + "_" : name;
  }

  /** {@code fooBar} → {@code FOO_BAR}, as protobuf-java names its field-number constants. */
  public static String constantCase(String fieldName) {
    return fieldName.toUpperCase(Locale.ROOT);
  }

  /** The outer class name protoc derives from a file name: {@code foo_bar.proto} → {@code FooBar}. */
  public static String outerClassName(String protoPath) {
    String base = protoPath.substring(protoPath.lastIndexOf('/') + 1);
    if (base.endsWith(".proto")) {
      base = base.substring(0, base.length() - ".proto".length());
    }
    return camelCase(base, true);
  }

  /** Java class names (simple names) must not be keywords either. */
  public static String className(String protoName) {
    return JAVA_KEYWORDS.contains(protoName) ? protoName + "_" : protoName;
  }
}
