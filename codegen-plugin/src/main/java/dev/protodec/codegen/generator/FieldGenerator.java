package dev.protodec.codegen.generator;

import static dev.protodec.codegen.generator.RuntimeClasses.LINKED_HASH_MAP;
import static dev.protodec.codegen.generator.RuntimeClasses.MAP;
import static dev.protodec.codegen.generator.RuntimeClasses.PROTO_SIZES;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.Kind;
import dev.protodec.codegen.model.MessageInfo;
import javax.lang.model.element.Modifier;

/**
 * Emits everything one field contributes to its message: storage, accessors, its parse case, and its
 * part of clear, size, write, equals, hashCode, toString and the required-field checks. All decisions
 * were made by {@link FieldInfo}; this class only writes them out.
 */
final class FieldGenerator {
  private final MessageInfo message;
  private final FieldInfo f;
  /** The Java field holding the value. */
  private final String v;

  FieldGenerator(MessageInfo message, FieldInfo field) {
    this.message = message;
    this.f = field;
    this.v = field.storage;
  }

  FieldInfo field() {
    return f;
  }

  // ---------------------------------------------------------------------------------------------
  // Storage

  void addStorage(TypeSpec.Builder type) throws GeneratorException {
    type.addField(
        FieldSpec.builder(TypeName.INT, f.numberConstant, Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$L", f.number)
            .build());
    if (f.defaultValue != null && f.kind == Kind.STRING) {
      type.addField(
          FieldSpec.builder(String.class, defaultConstant(), Modifier.PRIVATE, Modifier.STATIC,
                  Modifier.FINAL)
              .initializer("$S", f.defaultValue)
              .build());
    } else if (f.defaultValue != null && f.kind == Kind.BYTES) {
      type.addField(
          FieldSpec.builder(ArrayTypeName.of(TypeName.BYTE), defaultConstant(), Modifier.PRIVATE,
                  Modifier.STATIC, Modifier.FINAL)
              .initializer("$L", Defaults.bytesInitializer(Defaults.unescapeBytes(f.defaultValue)))
              .build());
    }
    FieldSpec.Builder storage;
    if (f.repeated) {
      TypeName container = RuntimeClasses.repeatedType(f);
      storage = FieldSpec.builder(container, v, Modifier.PRIVATE, Modifier.FINAL);
      if (f.isMessage()) {
        storage.initializer("$T.newInstance($T::newInstance)", RuntimeClasses.REPEATED_MESSAGE,
            f.messageType().className);
      } else {
        storage.initializer("new $T()", container);
      }
    } else if (f.kind == Kind.STRING) {
      storage = FieldSpec.builder(RuntimeClasses.UTF8_STRING, v, Modifier.PRIVATE, Modifier.FINAL)
          .initializer(f.defaultValue == null ? CodeBlock.of("new $T()", RuntimeClasses.UTF8_STRING)
              : CodeBlock.of("$T.of($N)", RuntimeClasses.UTF8_STRING, defaultConstant()));
    } else if (f.kind == Kind.BYTES) {
      storage = FieldSpec.builder(RuntimeClasses.PROTO_BYTES, v, Modifier.PRIVATE, Modifier.FINAL)
          .initializer(f.defaultValue == null ? CodeBlock.of("new $T()", RuntimeClasses.PROTO_BYTES)
              : CodeBlock.of("$T.of($N)", RuntimeClasses.PROTO_BYTES, defaultConstant()));
    } else if (f.isMessage() && f.inMapEntry()) {
      // a map value is always written, so it always exists
      storage = FieldSpec.builder(f.messageType().className, v, Modifier.PRIVATE)
          .initializer("$T.newInstance()", f.messageType().className);
    } else if (f.isMessage()) {
      // allocated on first use: a message may contain itself
      storage = FieldSpec.builder(f.messageType().className, v, Modifier.PRIVATE);
    } else {
      storage = FieldSpec.builder(f.kind.javaType, v, Modifier.PRIVATE)
          .initializer(Defaults.scalar(f));
    }
    if (!f.javadoc.isEmpty()) {
      storage.addJavadoc("$L\n", Javadoc.escape(f.javadoc));
    }
    type.addField(storage.build());
  }

  private String defaultConstant() {
    return "DEFAULT_" + f.numberConstant.substring(0, f.numberConstant.length() - "_FIELD_NUMBER".length());
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
  private CodeBlock markPresent() {
    if (f.inOneof()) {
      return CodeBlock.of("$N = $L;\n", f.oneof().caseField, f.number);
    }
    if (f.hasPresenceBit()) {
      return CodeBlock.of("$N |= 0x$L;\n", f.bitField(), Integer.toHexString(f.bitMask()));
    }
    return CodeBlock.of("");
  }

  private CodeBlock markAbsent() {
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
  private CodeBlock resetValue() throws GeneratorException {
    if (f.kind == Kind.STRING) {
      return f.defaultValue == null ? CodeBlock.of("$N.clear();\n", v)
          : CodeBlock.of("$N.set($N);\n", v, defaultConstant());
    }
    if (f.kind == Kind.BYTES) {
      return f.defaultValue == null ? CodeBlock.of("$N.clear();\n", v)
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

  // ---------------------------------------------------------------------------------------------
  // Accessors

  void addAccessors(TypeSpec.Builder type) throws GeneratorException {
    if (f.isMap()) {
      addMapAccessors(type);
    } else if (f.repeated) {
      addRepeatedAccessors(type);
    } else {
      addSingularAccessors(type);
    }
  }

  private MethodSpec.Builder method(String name, TypeName returns) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(returns);
    if (!f.javadoc.isEmpty()) {
      m.addJavadoc("$L\n", Javadoc.escape(f.javadoc));
    }
    return m;
  }

  private MethodSpec.Builder setter(String name) {
    return method(name, message.className);
  }

  private void addSingularAccessors(TypeSpec.Builder type) throws GeneratorException {
    if (f.hasPresence()) {
      type.addMethod(method("has" + f.stem, TypeName.BOOLEAN).addStatement("return $L", present()).build());
    }
    switch (f.kind) {
      case STRING -> addStringAccessors(type);
      case BYTES -> addBytesAccessors(type);
      case MESSAGE, GROUP -> addMessageAccessors(type);
      case ENUM -> addEnumAccessors(type);
      default -> addScalarAccessors(type);
    }
    type.addMethod(setter("clear" + f.stem)
        .addCode(markAbsent())
        .addCode(f.isMessage() || f.inOneof() ? CodeBlock.of("") : resetValue())
        .addStatement("return this")
        .build());
  }

  private void addScalarAccessors(TypeSpec.Builder type) throws GeneratorException {
    TypeName t = f.kind.javaType;
    type.addMethod(method("get" + f.stem, t)
        .addStatement(f.inOneof() ? CodeBlock.of("return $L ? $N : $L", present(), v, Defaults.scalar(f))
            : CodeBlock.of("return $N", v))
        .build());
    type.addMethod(setter("set" + f.stem)
        .addParameter(t, "value")
        .addStatement("$N = value", v)
        .addCode(markPresent())
        .addStatement("return this")
        .build());
  }

  private void addEnumAccessors(TypeSpec.Builder type) throws GeneratorException {
    ClassName e = f.enumType().className;
    CodeBlock number = f.inOneof() ? CodeBlock.of("($L ? $N : $L)", present(), v, Defaults.scalar(f))
        : CodeBlock.of("$N", v);
    type.addMethod(method("get" + f.stem + "Value", TypeName.INT).addStatement("return $L", number).build());
    MethodSpec.Builder get = method("get" + f.stem, e);
    if (f.enumType().open) {
      get.addStatement("$T value = $T.forNumber($L)", e, e, number)
          .addStatement("return value == null ? $T.UNRECOGNIZED : value", e);
    } else {
      get.addStatement("return $T.forNumber($L)", e, number);
    }
    type.addMethod(get.build());
    type.addMethod(setter("set" + f.stem)
        .addParameter(e, "value")
        .addStatement("$N = value.getNumber()", v)
        .addCode(markPresent())
        .addStatement("return this")
        .build());
    if (f.enumType().open) {
      type.addMethod(setter("set" + f.stem + "Value")
          .addParameter(TypeName.INT, "value")
          .addStatement("$N = value", v)
          .addCode(markPresent())
          .addStatement("return this")
          .build());
    }
  }

  private void addStringAccessors(TypeSpec.Builder type) throws GeneratorException {
    CodeBlock fallback = f.defaultValue == null ? CodeBlock.of("\"\"") : CodeBlock.of("$N", defaultConstant());
    type.addMethod(method("get" + f.stem, ClassName.get(String.class))
        .addStatement(f.inOneof() ? CodeBlock.of("return $L ? $N.toString() : $L", present(), v, fallback)
            : CodeBlock.of("return $N.toString()", v))
        .build());
    type.addMethod(method("get" + f.stem + "Utf8", RuntimeClasses.UTF8_STRING)
        .addCode(returnValue(RuntimeClasses.UTF8_STRING))
        .build());
    type.addMethod(setter("set" + f.stem)
        .addParameter(String.class, "value")
        .addStatement("$N.set(value)", v)
        .addCode(markPresent())
        .addStatement("return this")
        .build());
  }

  private void addBytesAccessors(TypeSpec.Builder type) throws GeneratorException {
    type.addMethod(method("get" + f.stem, RuntimeClasses.PROTO_BYTES)
        .addCode(returnValue(RuntimeClasses.PROTO_BYTES))
        .build());
    type.addMethod(setter("set" + f.stem)
        .addParameter(ArrayTypeName.of(TypeName.BYTE), "value")
        .addStatement("$N.set(value)", v)
        .addCode(markPresent())
        .addStatement("return this")
        .build());
  }

  /**
   * The value of a string or bytes field: a oneof member's storage may hold an old value while another
   * member is set, so an unset member reads as a new empty (or default) value, and the storage is left
   * alone (getters never write).
   */
  private CodeBlock returnValue(ClassName valueType) {
    if (!f.inOneof()) {
      return CodeBlock.of("return $N;\n", v);
    }
    CodeBlock fallback = f.defaultValue == null ? CodeBlock.of("new $T()", valueType)
        : CodeBlock.of("$T.of($N)", valueType, defaultConstant());
    return CodeBlock.of("return $L ? $N : $L;\n", present(), v, fallback);
  }

  private void addMessageAccessors(TypeSpec.Builder type) throws GeneratorException {
    ClassName t = f.messageType().className;
    MethodSpec.Builder get = method("get" + f.stem, t);
    if (f.inMapEntry()) {
      // a map value always exists
      get.addStatement("return $N", v);
    } else {
      get.addJavadoc("Returns the nested message; when absent, the type's shared empty default instance"
              + "\n(do not modify it: {@link #mutable$L()} gives one to fill). Reads nothing but this field.\n",
              f.stem)
          .addStatement("return $L ? $N : $T.getDefaultInstance()", present(), v, t);
    }
    type.addMethod(get.build());
    type.addMethod(method("mutable" + f.stem, t)
        .addJavadoc("Returns the nested message to fill, marking it present (empty if it was absent).\n")
        .beginControlFlow("if ($N == null || !($L))", v, present())
        .addCode(resetValue())
        .addCode(markPresent())
        .endControlFlow()
        .addStatement("return $N", v)
        .build());
  }

  private TypeName elementType() {
    return switch (f.kind) {
      case STRING -> ClassName.get(String.class);
      case ENUM -> f.enumType().className;
      default -> RuntimeClasses.valueType(f);
    };
  }

  private void addRepeatedAccessors(TypeSpec.Builder type) {
    type.addMethod(method("get" + f.stem + "Count", TypeName.INT).addStatement("return $N.size()", v).build());
    MethodSpec.Builder get = method("get" + f.stem, elementType()).addParameter(TypeName.INT, "index");
    switch (f.kind) {
      case STRING -> get.addStatement("return $N.getString(index)", v);
      case ENUM -> {
        ClassName e = f.enumType().className;
        if (f.enumType().open) {
          get.addStatement("$T value = $T.forNumber($N.get(index))", e, e, v)
              .addStatement("return value == null ? $T.UNRECOGNIZED : value", e);
        } else {
          get.addStatement("return $T.forNumber($N.get(index))", e, v);
        }
      }
      default -> get.addStatement("return $N.get(index)", v);
    }
    type.addMethod(get.build());
    type.addMethod(method("get" + f.stem + "List", RuntimeClasses.repeatedType(f))
        .addStatement("return $N", v).build());
    if (f.isMessage()) {
      type.addMethod(method("add" + f.stem, f.messageType().className)
          .addJavadoc("Appends an empty element and returns it to fill.\n")
          .addStatement("return $N.add()", v)
          .build());
    } else {
      type.addMethod(setter("add" + f.stem)
          .addParameter(f.kind == Kind.BYTES ? ArrayTypeName.of(TypeName.BYTE) : elementType(), "value")
          .addStatement(f.kind == Kind.ENUM ? "$N.add(value.getNumber())" : "$N.add(value)", v)
          .addStatement("return this")
          .build());
    }
    type.addMethod(setter("clear" + f.stem).addStatement("$N.clear()", v).addStatement("return this").build());
  }

  private void addMapAccessors(TypeSpec.Builder type) {
    MessageInfo entry = f.messageType();
    TypeName key = RuntimeClasses.boxedType(entry.mapKey());
    TypeName value = RuntimeClasses.boxedType(entry.mapValue());
    TypeName mapType = ParameterizedTypeName.get(MAP, key, value);
    type.addMethod(method("get" + f.stem + "Map", mapType)
        .addJavadoc("A snapshot of the map: entries in wire order, a later entry replacing an earlier"
            + " one with the same key.\n")
        .addStatement("$T map = new $T<>()", mapType, LINKED_HASH_MAP)
        .beginControlFlow("for (int i = 0; i < $N.size(); i++)", v)
        .addStatement("$T entry = $N.get(i)", entry.className, v)
        .addStatement("map.put(entry.get$L(), entry.get$L())", entry.mapKey().stem, entry.mapValue().stem)
        .endControlFlow()
        .addStatement("return map")
        .build());
    type.addMethod(method("get" + f.stem + "Count", TypeName.INT)
        .addJavadoc("The number of distinct keys (counted in place, no map is built).\n")
        .addStatement("return $N.distinctKeyCount($T::hasSameKey, $T::keyHash)", v, entry.className,
            entry.className)
        .build());
    type.addMethod(method("get" + f.stem + "Entries", RuntimeClasses.repeatedType(f))
        .addJavadoc("The entries as they were parsed or added, duplicates included.\n")
        .addStatement("return $N", v)
        .build());
    type.addMethod(method("put" + f.stem, entry.className)
        .addJavadoc("Appends an empty entry and returns it to fill; it replaces an earlier one of the same key.\n")
        .addStatement("return $N.add()", v)
        .build());
    type.addMethod(setter("clear" + f.stem).addStatement("$N.clear()", v).addStatement("return this").build());
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
      case STRING -> b.addStatement("input.$L($N)", f.validateUtf8 ? "readStringRequireUtf8" : "readString", v)
          .add(markPresent());
      case BYTES -> b.addStatement("input.readBytes($N)", v).add(markPresent());
      case MESSAGE -> b.addStatement("final int outerLimit = input.enterMessage()")
          .addStatement("mutable$L().mergeFrom(input)", f.stem)
          .addStatement("input.exitMessage(outerLimit)");
      case GROUP -> b.addStatement("input.enterGroup()")
          .addStatement("mutable$L().mergeFrom(input)", f.stem)
          .addStatement("input.exitGroup($L)", f.number);
      default -> {
        if (f.isClosedEnum()) {
          b.addStatement("final int value = input.readEnum()")
              .beginControlFlow("if ($T.forNumber(value) != null)", f.enumType().className)
              .addStatement("$N = value", v)
              .add(markPresent())
              .nextControlFlow("else")
              .addStatement("unknownFields.appendVarintField($L, value)", f.number)
              .endControlFlow();
        } else {
          b.addStatement("$N = input.$L()", v, f.kind.readMethod).add(markPresent());
        }
      }
    }
    return b.build();
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
      case STRING -> b.addStatement("input.$L($N.addReused())", f.validateUtf8 ? "readStringRequireUtf8" : "readString", v);
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
              .beginControlFlow("if ($T.forNumber(entry.get$LValue()) == null)",
                  entry.mapValue().enumType().className, entry.mapValue().stem)
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

  // ---------------------------------------------------------------------------------------------
  // clear()

  CodeBlock clearCode() throws GeneratorException {
    if (f.repeated || (f.isMessage() && f.inMapEntry())) {
      return CodeBlock.of("$N.clear();\n", v);
    }
    if (f.isMessage() || f.inOneof()) {
      // absent messages and unset oneof members are never read; mutable*() and the parser reset them
      // when they are next filled
      return CodeBlock.of("");
    }
    return resetValue();
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
      b.beginControlFlow("if ($L)", present());
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
      b.beginControlFlow("if ($L)", present()).add(writeTag(f.tag)).add(writeValue(v));
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
    return CodeBlock.builder().beginControlFlow("if (($L) && !($L))", present(), valueEquals())
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
    CodeBlock condition = f.repeated ? CodeBlock.of("!$N.isEmpty()", v) : present();
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
      return b.beginControlFlow("if ($L)", present()).add(printValue(v)).endControlFlow().build();
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
    String name = f.kind == Kind.GROUP ? f.messageType().proto.getName() : f.protoName;
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
    return b.beginControlFlow("if (($L) && !$N.isInitialized())", present(), v)
        .addStatement("return false")
        .endControlFlow()
        .build();
  }

  CodeBlock findMissingCode() {
    CodeBlock.Builder b = CodeBlock.builder();
    if (f.required) {
      b.beginControlFlow("if (!($L))", present())
          .addStatement("missing.add(prefix + $S)", f.protoName)
          .endControlFlow();
    }
    if (needsNestedCheck()) {
      if (f.repeated) {
        b.beginControlFlow("for (int i = 0, n = $N.size(); i < n; i++)", v)
            .addStatement("$N.get(i).findMissingFields(prefix + $S + i + $S, missing)", v, f.protoName + "[", "].")
            .endControlFlow();
      } else {
        b.beginControlFlow("if ($L)", present())
            .addStatement("$N.findMissingFields(prefix + $S, missing)", v, f.protoName + ".")
            .endControlFlow();
      }
    }
    return b.build();
  }
}
