package dev.protodec.codegen.generator;

import com.palantir.javapoet.CodeBlock;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.FieldNames;
import dev.protodec.codegen.model.Kind;
import dev.protodec.codegen.model.MessageInfo;

/**
 * One field of a message being generated: what the field's code has in common (its presence test, marking
 * it present or absent, resetting its value), and the emitters of each concern, one class apiece: {@link
 * FieldAccessors} (storage and accessors), {@link FieldParsing} (its parse cases), {@link FieldEncoding}
 * (its part of the size and write passes) and {@link FieldObjectMethods} (clear, equals, hashCode,
 * toString, the required-field checks). All decisions were made by {@link FieldInfo} and its {@link
 * FieldNames}; these classes only write them out.
 */
final class FieldGenerator {
  private final MessageInfo message;
  private final FieldInfo f;
  /** The Java field holding the value. */
  private final String v;
  private final FieldNames n;

  FieldGenerator(MessageInfo message, FieldInfo field) {
    this.message = message;
    this.f = field;
    this.v = field.names().storage();
    this.n = field.names();
  }

  FieldInfo field() {
    return f;
  }

  MessageInfo message() {
    return message;
  }

  FieldAccessors accessors() {
    return new FieldAccessors(this);
  }

  FieldParsing parsing() {
    return new FieldParsing(this);
  }

  FieldEncoding encoding() {
    return new FieldEncoding(this);
  }

  FieldObjectMethods objectMethods() {
    return new FieldObjectMethods(this);
  }

  // ---------------------------------------------------------------------------------------------
  // Presence

  /** Condition under which a singular field is present (written, printed, hashed). */
  CodeBlock present() {
    if (f.inMapEntry()) {
      return CodeBlock.of("true");
    }
    if (f.inOneof()) {
      return CodeBlock.of("$N == $L", f.oneof().caseField, f.number);
    }
    if (f.hasPresenceBit()) {
      return CodeBlock.of("($N & 0x$L) != 0", f.bitField(), Integer.toHexString(f.bitMask()));
    }
    return switch (f.kind) {
      case FLOAT -> CodeBlock.of("$T.floatToRawIntBits($N) != 0", Float.class, v);
      case DOUBLE -> CodeBlock.of("$T.doubleToRawLongBits($N) != 0", Double.class, v);
      case BOOL -> CodeBlock.of("$N", v);
      case INT64, UINT64, FIXED64, SFIXED64, SINT64 -> CodeBlock.of("$N != 0L", v);
      case STRING, BYTES -> CodeBlock.of("!$N.isEmpty()", v);
      default -> CodeBlock.of("$N != 0", v);
    };
  }

  /** Statement marking a singular field present after it was set; empty for implicit presence. */
  CodeBlock markPresent() {
    if (f.inOneof()) {
      return CodeBlock.of("$N = $L;\n", f.oneof().caseField, f.number);
    }
    if (f.hasPresenceBit()) {
      return CodeBlock.of("$N |= 0x$L;\n", f.bitField(), Integer.toHexString(f.bitMask()));
    }
    return CodeBlock.of("");
  }

  CodeBlock markAbsent() {
    if (f.inOneof()) {
      return CodeBlock.builder()
          .beginControlFlow("if ($N == $L)", f.oneof().caseField, f.number)
          .addStatement("$N = 0", f.oneof().caseField)
          .endControlFlow()
          .build();
    }
    if (f.hasPresenceBit()) {
      return CodeBlock.of("$N &= ~0x$L;\n", f.bitField(), Integer.toHexString(f.bitMask()));
    }
    return CodeBlock.of("");
  }

  /** Statement that puts the storage of a string or bytes field back to its default. */
  CodeBlock resetValue() {
    if (f.kind == Kind.STRING) {
      return !f.defaultValue().declared() ? CodeBlock.of("$N.clear();\n", v)
          : CodeBlock.of("$N.set($N);\n", v, defaultConstant());
    }
    if (f.kind == Kind.BYTES) {
      return !f.defaultValue().declared() ? CodeBlock.of("$N.clear();\n", v)
          : CodeBlock.of("$N.set($N);\n", v, defaultConstant());
    }
    if (f.isMessage()) {
      return CodeBlock.builder()
          .beginControlFlow("if ($N == null)", v)
          .addStatement("$N = $T.newInstance()", v, f.messageType().className)
          .nextControlFlow("else")
          .addStatement("$N.clear()", v)
          .endControlFlow()
          .build();
    }
    return CodeBlock.of("$N = $L;\n", v, Defaults.scalar(f));
  }

  /** The constant holding a proto2 string or bytes default. */
  String defaultConstant() {
    return n.defaultConstant();
  }
}
