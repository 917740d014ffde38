package dev.protodec.codegen.generator;

import com.palantir.javapoet.CodeBlock;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.FieldNames;
import dev.protodec.codegen.model.MessageInfo;

/** The parse code of one field: its case in the parse loop (and the case of its other packing). */
final class FieldParsing {
  private final FieldGenerator field;
  private final FieldInfo f;
  /** The Java field holding the value. */
  private final String v;
  private final FieldNames n;

  FieldParsing(FieldGenerator field) {
    this.field = field;
    this.f = field.field();
    this.v = f.names().storage();
    this.n = f.names();
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /** The parse code of the field's declared tag: reads the value(s) and the next tag. */
  CodeBlock parsePrimary() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (!f.repeated) {
      b.add(readSingular());
      b.addStatement("tag = input.readTag()");
    } else if (f.packed) {
      b.add(readPacked());
      b.addStatement("tag = input.readTag()");
    } else {
      // consecutive elements are the rule: read them in a tight loop
      b.beginControlFlow("do");
      b.add(addOneElement());
      b.addStatement("tag = input.readTag()");
      b.unindent().add("} while (tag == $L);\n", f.tag);
    }
    return b.build();
  }

  /** For packable repeated fields, the parse code of the other encoding (packed vs unpacked). */
  CodeBlock parseAlternate() {
    CodeBlock.Builder b = CodeBlock.builder();
    b.add(f.packed ? addOneElement() : readPacked());
    b.addStatement("tag = input.readTag()");
    return b.build();
  }

  private CodeBlock readSingular() {
    CodeBlock.Builder b = CodeBlock.builder();
    switch (f.kind) {
      case STRING -> b.add(readString(CodeBlock.of("$N", v))).add(field.markPresent());
      case BYTES -> b.addStatement("input.readBytes($N)", v).add(field.markPresent());
      case MESSAGE -> b.addStatement("final int outerLimit = input.enterMessage()")
          .addStatement("$L().mergeFrom(input)", n.mutable())
          .addStatement("input.exitMessage(outerLimit)");
      case GROUP -> b.addStatement("input.enterGroup()")
          .addStatement("$L().mergeFrom(input)", n.mutable())
          .addStatement("input.exitGroup($L)", f.number);
      default -> {
        if (f.isClosedEnum()) {
          b.addStatement("final int value = input.readEnum()")
              .beginControlFlow("if ($T.forNumber(value) != null)", f.enumType().className)
              .addStatement("$N = value", v)
              .add(field.markPresent())
              .nextControlFlow("else")
              .addStatement("unknownFields.appendVarintField($L, value)", f.number)
              .endControlFlow();
        } else {
          b.addStatement("$N = input.$L()", v, f.kind.readMethod).add(field.markPresent());
        }
      }
    }
    return b.build();
  }

  /** A string read into {@code target}: checked strings name their field for the error. */
  private CodeBlock readString(CodeBlock target) {
    return f.validateUtf8
        ? CodeBlock.of("input.readStringRequireUtf8($L, $S);\n", target, f.fullName)
        : CodeBlock.of("input.readString($L);\n", target);
  }

  private CodeBlock readPacked() {
    return CodeBlock.builder()
        .addStatement("final int outerLimit = input.enterPacked()")
        .beginControlFlow("while (!input.isAtEnd())")
        .add(addOneElement())
        .endControlFlow()
        .addStatement("input.exitPacked(outerLimit)")
        .build();
  }

  private CodeBlock addOneElement() {
    CodeBlock.Builder b = CodeBlock.builder();
    switch (f.kind) {
      case STRING -> b.add(readString(CodeBlock.of("$N.addReused()", v)));
      case BYTES -> b.addStatement("input.readBytes($N.addReused())", v);
      case GROUP -> b.addStatement("input.enterGroup()")
          .addStatement("$N.addReused().clear().mergeFrom(input)", v)
          .addStatement("input.exitGroup($L)", f.number);
      case MESSAGE -> {
        if (f.isMapWithClosedEnumValue()) {
          MessageInfo entry = f.messageType();
          b.addStatement("final int fieldStart = input.fieldStart()")
              .addStatement("final int outerLimit = input.enterMessage()")
              .addStatement("final $T entry = $N.addReused().clear()", entry.className, v)
              .addStatement("entry.mergeFrom(input)")
              .addStatement("input.exitMessage(outerLimit)")
              .beginControlFlow("if ($T.forNumber(entry.$L()) == null)",
                  entry.mapValue().enumType().className, entry.mapValue().names().getValue())
              .add("// an unknown value of a closed enum: the whole entry is kept as an unknown field\n")
              .addStatement("$N.removeLast()", v)
              .addStatement("input.copyFieldSince(fieldStart, unknownFields)")
              .endControlFlow();
        } else {
          b.addStatement("final int outerLimit = input.enterMessage()")
              .addStatement("$N.addReused().clear().mergeFrom(input)", v)
              .addStatement("input.exitMessage(outerLimit)");
        }
      }
      default -> {
        if (f.isClosedEnum()) {
          b.addStatement("final int value = input.readEnum()")
              .beginControlFlow("if ($T.forNumber(value) != null)", f.enumType().className)
              .addStatement("$N.add(value)", v)
              .nextControlFlow("else")
              .addStatement("unknownFields.appendVarintField($L, value)", f.number)
              .endControlFlow();
        } else {
          b.addStatement("$N.add(input.$L())", v, f.kind.readMethod);
        }
      }
    }
    return b.build();
  }
}
