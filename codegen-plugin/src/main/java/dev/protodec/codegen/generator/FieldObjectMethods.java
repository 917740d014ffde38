package dev.protodec.codegen.generator;

import com.palantir.javapoet.CodeBlock;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.FieldNames;
import dev.protodec.codegen.model.Kind;

/** One field's part of {@code clear()}, {@code equals}, {@code hashCode}, {@code toString} and the required-field checks. */
final class FieldObjectMethods {
  private final FieldGenerator field;
  private final FieldInfo f;
  /** The Java field holding the value. */
  private final String v;
  private final FieldNames n;

  FieldObjectMethods(FieldGenerator field) {
    this.field = field;
    this.f = field.field();
    this.v = f.names().storage();
    this.n = f.names();
  }

  /**
   * The value's storage always exists (repeated containers, and message values of map entries), so
   * clear() and detach() act on it without checking presence.
   */
  private boolean alwaysAllocated() {
    return f.repeated || (f.isMessage() && f.inMapEntry());
  }

  // ---------------------------------------------------------------------------------------------
  // clear()

  CodeBlock clearCode() {
    if (alwaysAllocated()) {
      return CodeBlock.of("$N.clear();\n", v);
    }
    if (f.isMessage() || f.inOneof()) {
      // absent messages and unset oneof members are never read; mutable*() and the parser reset them
      // when they are next filled
      return CodeBlock.of("");
    }
    return field.resetValue();
  }

  // ---------------------------------------------------------------------------------------------
  // detach()

  /** Copies what the value refers to in a zero-copy input: strings, bytes and messages only. */
  CodeBlock detachCode() {
    boolean refers = f.kind == Kind.STRING || f.kind == Kind.BYTES || f.isMessage();
    if (!refers) {
      return CodeBlock.of("");
    }
    if (alwaysAllocated()) {
      return CodeBlock.of("$N.detach();\n", v);
    }
    return CodeBlock.builder().beginControlFlow("if ($L)", field.present()).addStatement("$N.detach()", v)
        .endControlFlow().build();
  }

  // ---------------------------------------------------------------------------------------------
  // equals, hashCode, toString

  /** Whether this field's value equals {@code other}'s (presence checked by the caller). */
  CodeBlock valueEquals() {
    if (f.repeated || f.isMessage()) {
      return CodeBlock.of("$N.equals(other.$N)", v, v);
    }
    return switch (f.kind) {
      case STRING, BYTES -> CodeBlock.of("$N.contentEquals(other.$N)", v, v);
      case FLOAT -> CodeBlock.of("$T.floatToIntBits($N) == $T.floatToIntBits(other.$N)", Float.class, v,
          Float.class, v);
      case DOUBLE -> CodeBlock.of("$T.doubleToLongBits($N) == $T.doubleToLongBits(other.$N)", Double.class,
          v, Double.class, v);
      default -> CodeBlock.of("$N == other.$N", v, v);
    };
  }

  /** Statement returning false if the field differs; for fields outside oneofs. */
  CodeBlock equalsCode() {
    if (f.repeated || !f.hasPresenceBit() || f.inMapEntry()) {
      return CodeBlock.builder().beginControlFlow("if (!($L))", valueEquals()).addStatement("return false")
          .endControlFlow().build();
    }
    // the presence bits were compared already
    return CodeBlock.builder().beginControlFlow("if (($L) && !($L))", field.present(), valueEquals())
        .addStatement("return false").endControlFlow().build();
  }

  CodeBlock valueHash(String expr) {
    if (f.repeated || !f.kind.isScalar()) {
      return CodeBlock.of("$L.hashCode()", expr);
    }
    return switch (f.kind) {
      case FLOAT -> CodeBlock.of("$T.floatToIntBits($L)", Float.class, expr);
      case DOUBLE -> CodeBlock.of("$T.hashCode($T.doubleToLongBits($L))", Long.class, Double.class, expr);
      case BOOL -> CodeBlock.of("$T.hashCode($L)", Boolean.class, expr);
      default -> f.kind.is64Bit() ? CodeBlock.of("$T.hashCode($L)", Long.class, expr) : CodeBlock.of("$L", expr);
    };
  }

  CodeBlock hashCodeCode() {
    CodeBlock condition = f.repeated ? CodeBlock.of("!$N.isEmpty()", v) : field.present();
    return CodeBlock.builder()
        .beginControlFlow("if ($L)", condition)
        .addStatement("hash = 31 * hash + $L", f.number)
        .addStatement("hash = 31 * hash + $L", valueHash(v))
        .endControlFlow()
        .build();
  }

  CodeBlock printCode() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (!f.repeated) {
      return b.beginControlFlow("if ($L)", field.present()).add(printValue(v)).endControlFlow().build();
    }
    b.beginControlFlow("if (!$N.isEmpty())", v);
    if (f.kind.isScalar()) {
      b.addStatement("final $T[] values = $N.array()", f.kind.javaType, v)
          .beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
          .add(printValue("values[i]"));
    } else {
      b.beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v).add(printValue(v + ".get(i)"));
    }
    return b.endControlFlow().endControlFlow().build();
  }

  private CodeBlock printValue(String expr) {
    String name = f.groupLike() ? f.messageType().proto.getName() : f.protoName;
    return switch (f.kind) {
      case STRING -> CodeBlock.of("printer.string($S, $L);\n", name, expr);
      case BYTES -> CodeBlock.of("printer.bytes($S, $L);\n", name, expr);
      case MESSAGE, GROUP -> CodeBlock.of("printer.message($S, $L);\n", name, expr);
      case ENUM -> CodeBlock.of("printer.enumValue($S, $T.nameOf($L));\n", name, f.enumType().className, expr);
      case UINT32, FIXED32 -> CodeBlock.of("printer.unsigned32($S, $L);\n", name, expr);
      case UINT64, FIXED64 -> CodeBlock.of("printer.unsigned64($S, $L);\n", name, expr);
      default -> CodeBlock.of("printer.field($S, $L);\n", name, expr);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Required fields

  /** A message field whose type has required fields somewhere: checked by isInitialized. */
  boolean needsNestedCheck() {
    return f.isMessage() && f.messageType().needsInitializationCheck();
  }

  CodeBlock isInitializedCode() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (f.repeated) {
      return b.beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
          .beginControlFlow("if (!$N.get(i).isInitialized())", v)
          .addStatement("return false")
          .endControlFlow()
          .endControlFlow()
          .build();
    }
    return b.beginControlFlow("if (($L) && !$N.isInitialized())", field.present(), v)
        .addStatement("return false")
        .endControlFlow()
        .build();
  }

  CodeBlock findMissingCode() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (f.required) {
      b.beginControlFlow("if (!($L))", field.present())
          .addStatement("missing.add(prefix + $S)", f.protoName)
          .endControlFlow();
    }
    if (needsNestedCheck()) {
      if (f.repeated) {
        b.beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
            .addStatement("$N.get(i).findMissingFields(prefix + $S + i + $S, missing)", v, f.protoName + "[", "].")
            .endControlFlow();
      } else {
        b.beginControlFlow("if ($L)", field.present())
            .addStatement("$N.findMissingFields(prefix + $S, missing)", v, f.protoName + ".")
            .endControlFlow();
      }
    }
    return b.build();
  }
}
