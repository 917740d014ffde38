package dev.protodec.codegen.generator;

import com.palantir.javapoet.CodeBlock;
import dev.protodec.codegen.model.FieldInfo;

/** Java literals for fields' default values, which the model parsed ({@link FieldInfo#defaultValue()}). */
final class Defaults {
  private Defaults() {}

  /** The default of a scalar or enum field as a Java expression of its storage type. */
  static CodeBlock scalar(FieldInfo field) {
    Object value = field.defaultValue().value();
    if (!field.defaultValue().declared()) {
      return switch (field.kind) {
        case INT64, UINT64, SINT64, FIXED64, SFIXED64 -> CodeBlock.of("0L");
        case FLOAT -> CodeBlock.of("0F");
        case DOUBLE -> CodeBlock.of("0D");
        default -> CodeBlock.of("$L", value);
      };
    }
    if (value instanceof Integer || value instanceof Boolean) {
      return CodeBlock.of("$L", value);
    }
    if (value instanceof Long) {
      return CodeBlock.of("$LL", value);
    }
    if (value instanceof Float f) {
      return f.isNaN() ? CodeBlock.of("$T.NaN", Float.class)
          : f.isInfinite() ? CodeBlock.of("$T.$L", Float.class, f > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY")
          : CodeBlock.of("$LF", Float.toString(f));
    }
    if (value instanceof Double d) {
      return d.isNaN() ? CodeBlock.of("$T.NaN", Double.class)
          : d.isInfinite() ? CodeBlock.of("$T.$L", Double.class, d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY")
          : CodeBlock.of("$LD", Double.toString(d));
    }
    throw new IllegalStateException("not a scalar: " + field);
  }

  /** A {@code byte[]} initializer: {@code {0x61, 0x00}}. */
  static CodeBlock bytesInitializer(byte[] bytes) {
    CodeBlock.Builder b = CodeBlock.builder().add("{");
    for (int i = 0; i < bytes.length; i++) {
      b.add(i == 0 ? "$L" : ", $L", bytes[i]);
    }
    return b.add("}").build();
  }
}
