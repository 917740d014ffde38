package dev.protodec.codegen.generator;

import static dev.protodec.codegen.generator.RuntimeClasses.PROTO_SIZES;

import com.palantir.javapoet.CodeBlock;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.FieldNames;
import dev.protodec.codegen.model.Kind;

/** One field's part of the size and write passes. */
final class FieldEncoding {
  private final FieldGenerator field;
  private final FieldInfo f;
  /** The Java field holding the value. */
  private final String v;
  private final FieldNames n;

  FieldEncoding(FieldGenerator field) {
    this.field = field;
    this.f = field.field();
    this.v = f.names().storage();
    this.n = f.names();
  }

  // ---------------------------------------------------------------------------------------------
  // Size and write

  private static CodeBlock writeTag(int tag) {
    return tag >= 0 && tag < 0x80 ? CodeBlock.of("out.writeRawByte($L);\n", tag)
        : CodeBlock.of("out.writeRawVarint32($L);\n", tag);
  }

  /** Size of one scalar value held in {@code expr}. */
  private CodeBlock scalarSize(String expr) {
    return f.kind.fixedSize > 0 ? CodeBlock.of("$L", f.kind.fixedSize)
        : CodeBlock.of("$T.$L($L)", PROTO_SIZES, f.kind.sizeMethod, expr);
  }

  CodeBlock sizeCode() {
    CodeBlock.Builder b = CodeBlock.builder();
    int tagSize = f.tagSize();
    if (!f.repeated) {
      b.beginControlFlow("if ($L)", field.present());
      switch (f.kind) {
        case STRING, BYTES -> b.addStatement("size += $L + $T.$L($N)", tagSize, PROTO_SIZES,
            f.kind == Kind.STRING ? "string" : "bytes", v);
        case MESSAGE -> b.addStatement("size += $L + $T.lengthDelimited($N.getSerializedSize())",
            tagSize, PROTO_SIZES, v);
        case GROUP -> b.addStatement("size += $L + $N.getSerializedSize()", 2 * tagSize, v);
        default -> b.addStatement("size += $L + $L", tagSize, scalarSize(v));
      }
      return b.endControlFlow().build();
    }
    b.beginControlFlow("if (!$N.isEmpty())", v);
    if (f.packed) {
      if (f.kind.fixedSize > 0) {
        b.addStatement("final int dataSize = $N.size() * $L", v, f.kind.fixedSize);
      } else {
        b.addStatement("int dataSize = 0")
            .addStatement("final $T[] values = $N.array()", f.kind.javaType, v)
            .beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
            .addStatement("dataSize += $L", scalarSize("values[i]"))
            .endControlFlow();
      }
      b.addStatement("size += $L + $T.lengthDelimited(dataSize)", tagSize, PROTO_SIZES);
    } else if (f.kind.isScalar() && f.kind.fixedSize > 0) {
      b.addStatement("size += $N.size() * ($L + $L)", v, tagSize, f.kind.fixedSize);
    } else if (f.kind.isScalar()) {
      b.addStatement("size += $N.size() * $L", v, tagSize)
          .addStatement("final $T[] values = $N.array()", f.kind.javaType, v)
          .beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
          .addStatement("size += $L", scalarSize("values[i]"))
          .endControlFlow();
    } else {
      b.addStatement("size += $N.size() * $L", v, f.kind == Kind.GROUP ? 2 * tagSize : tagSize)
          .beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v);
      switch (f.kind) {
        case STRING -> b.addStatement("size += $T.string($N.get(i))", PROTO_SIZES, v);
        case BYTES -> b.addStatement("size += $T.bytes($N.get(i))", PROTO_SIZES, v);
        case MESSAGE -> b.addStatement("size += $T.lengthDelimited($N.get(i).getSerializedSize())", PROTO_SIZES, v);
        default -> b.addStatement("size += $N.get(i).getSerializedSize()", v);
      }
      b.endControlFlow();
    }
    return b.endControlFlow().build();
  }

  CodeBlock writeCode() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (!f.repeated) {
      b.beginControlFlow("if ($L)", field.present()).add(writeTag(f.tag)).add(writeValue(v));
      return b.endControlFlow().build();
    }
    b.beginControlFlow("if (!$N.isEmpty())", v);
    if (f.packed) {
      // fixed-size values: the length is known; varints: filled in after them, as for a message
      boolean lengthKnown = f.kind.fixedSize > 0;
      b.add(writeTag(f.tag));
      if (lengthKnown) {
        b.addStatement("out.writeRawVarint32($N.size() * $L)", v, f.kind.fixedSize);
      } else {
        b.addStatement("final int start = out.beginLengthDelimited()");
      }
      b.addStatement("final $T[] values = $N.array()", f.kind.javaType, v)
          .beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
          .add(writeValue("values[i]"))
          .endControlFlow();
      if (!lengthKnown) {
        b.addStatement("out.endLengthDelimited(start)");
      }
    } else if (f.kind.isScalar()) {
      b.addStatement("final $T[] values = $N.array()", f.kind.javaType, v)
          .beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
          .add(writeTag(f.tag))
          .add(writeValue("values[i]"))
          .endControlFlow();
    } else {
      b.beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
          .addStatement("final $T element = $N.get(i)", RuntimeClasses.valueType(f), v)
          .add(writeTag(f.tag))
          .add(writeValue("element"))
          .endControlFlow();
    }
    return b.endControlFlow().build();
  }

  /** Writes one value held in {@code expr} (its tag already written). */
  private CodeBlock writeValue(String expr) {
    return switch (f.kind) {
      case MESSAGE -> CodeBlock.builder()
          .addStatement("final int start = out.beginMessage($L)", expr)
          .addStatement("$L.writeFieldsTo(out)", expr)
          .addStatement("out.endMessage($L, start)", expr)
          .build();
      case GROUP -> CodeBlock.builder()
          .addStatement("$L.writeFieldsTo(out)", expr)
          .add(writeTag(f.endGroupTag()))
          .build();
      default -> CodeBlock.of("out.$L($L);\n", f.kind.writeMethod, expr);
    };
  }
}
