package dev.protodec.codegen.generator;

import static dev.protodec.codegen.generator.RuntimeClasses.LINKED_HASH_MAP;
import static dev.protodec.codegen.generator.RuntimeClasses.MAP;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.FieldNames;
import dev.protodec.codegen.model.Kind;
import dev.protodec.codegen.model.MessageInfo;
import javax.lang.model.element.Modifier;

/** What one field declares in its message class: the field-number constant, the default constants, the storage, and the accessors. */
final class FieldAccessors {
  private final FieldGenerator field;
  private final FieldInfo f;
  /** The Java field holding the value. */
  private final String v;
  private final FieldNames n;

  FieldAccessors(FieldGenerator field) {
    this.field = field;
    this.f = field.field();
    this.v = f.names().storage();
    this.n = f.names();
  }

  // ---------------------------------------------------------------------------------------------
  // Storage

  void addStorage(TypeSpec.Builder type) {
    type.addField(
        FieldSpec.builder(TypeName.INT, n.numberConstant(), Modifier.PUBLIC, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$L", f.number)
            .build());
    if (f.defaultValue().declared() && f.kind == Kind.STRING) {
      type.addField(
          FieldSpec.builder(String.class, field.defaultConstant(), Modifier.PRIVATE, Modifier.STATIC,
                  Modifier.FINAL)
              .initializer("$S", f.defaultValue().value())
              .build());
    } else if (f.defaultValue().declared() && f.kind == Kind.BYTES) {
      type.addField(
          FieldSpec.builder(ArrayTypeName.of(TypeName.BYTE), field.defaultConstant(), Modifier.PRIVATE,
                  Modifier.STATIC, Modifier.FINAL)
              .initializer("$L", Defaults.bytesInitializer((byte[]) f.defaultValue().value()))
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
          .initializer(!f.defaultValue().declared() ? CodeBlock.of("new $T()", RuntimeClasses.UTF8_STRING)
              : CodeBlock.of("$T.of($N)", RuntimeClasses.UTF8_STRING, field.defaultConstant()));
    } else if (f.kind == Kind.BYTES) {
      storage = FieldSpec.builder(RuntimeClasses.PROTO_BYTES, v, Modifier.PRIVATE, Modifier.FINAL)
          .initializer(!f.defaultValue().declared() ? CodeBlock.of("new $T()", RuntimeClasses.PROTO_BYTES)
              : CodeBlock.of("$T.of($N)", RuntimeClasses.PROTO_BYTES, field.defaultConstant()));
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

  // ---------------------------------------------------------------------------------------------
  // Accessors

  void addAccessors(TypeSpec.Builder type) {
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
    return method(name, field.message().className);
  }

  private void addSingularAccessors(TypeSpec.Builder type) {
    if (f.hasPresence()) {
      type.addMethod(method(n.has(), TypeName.BOOLEAN).addStatement("return $L", field.present()).build());
    }
    switch (f.kind) {
      case STRING -> addStringAccessors(type);
      case BYTES -> addBytesAccessors(type);
      case MESSAGE, GROUP -> addMessageAccessors(type);
      case ENUM -> addEnumAccessors(type);
      default -> addScalarAccessors(type);
    }
    type.addMethod(setter(n.clear())
        .addCode(field.markAbsent())
        .addCode(f.isMessage() || f.inOneof() ? CodeBlock.of("") : field.resetValue())
        .addStatement("return this")
        .build());
  }

  private void addScalarAccessors(TypeSpec.Builder type) {
    TypeName t = f.kind.javaType;
    type.addMethod(method(n.get(), t)
        .addStatement(f.inOneof() ? CodeBlock.of("return $L ? $N : $L", field.present(), v, Defaults.scalar(f))
            : CodeBlock.of("return $N", v))
        .build());
    type.addMethod(setter(n.set())
        .addParameter(t, "value")
        .addStatement("$N = value", v)
        .addCode(field.markPresent())
        .addStatement("return this")
        .build());
  }

  private void addEnumAccessors(TypeSpec.Builder type) {
    ClassName e = f.enumType().className;
    CodeBlock number = f.inOneof() ? CodeBlock.of("($L ? $N : $L)", field.present(), v, Defaults.scalar(f))
        : CodeBlock.of("$N", v);
    type.addMethod(method(n.getValue(), TypeName.INT).addStatement("return $L", number).build());
    MethodSpec.Builder get = method(n.get(), e);
    if (f.enumType().open) {
      get.addStatement("$T value = $T.forNumber($L)", e, e, number)
          .addStatement("return value == null ? $T.UNRECOGNIZED : value", e);
    } else {
      get.addStatement("return $T.forNumber($L)", e, number);
    }
    type.addMethod(get.build());
    type.addMethod(setter(n.set())
        .addParameter(e, "value")
        .addStatement("$N = value.getNumber()", v)
        .addCode(field.markPresent())
        .addStatement("return this")
        .build());
    if (f.enumType().open) {
      type.addMethod(setter(n.setValue())
          .addParameter(TypeName.INT, "value")
          .addStatement("$N = value", v)
          .addCode(field.markPresent())
          .addStatement("return this")
          .build());
    }
  }

  private void addStringAccessors(TypeSpec.Builder type) {
    CodeBlock fallback = !f.defaultValue().declared() ? CodeBlock.of("\"\"") : CodeBlock.of("$N", field.defaultConstant());
    type.addMethod(method(n.get(), ClassName.get(String.class))
        .addStatement(f.inOneof() ? CodeBlock.of("return $L ? $N.toString() : $L", field.present(), v, fallback)
            : CodeBlock.of("return $N.toString()", v))
        .build());
    type.addMethod(method(n.getUtf8(), RuntimeClasses.UTF8_STRING)
        .addCode(returnValue(RuntimeClasses.UTF8_STRING))
        .build());
    type.addMethod(setter(n.set())
        .addParameter(String.class, "value")
        .addStatement("$N.set(value)", v)
        .addCode(field.markPresent())
        .addStatement("return this")
        .build());
  }

  private void addBytesAccessors(TypeSpec.Builder type) {
    type.addMethod(method(n.get(), RuntimeClasses.PROTO_BYTES)
        .addCode(returnValue(RuntimeClasses.PROTO_BYTES))
        .build());
    type.addMethod(setter(n.set())
        .addParameter(ArrayTypeName.of(TypeName.BYTE), "value")
        .addStatement("$N.set(value)", v)
        .addCode(field.markPresent())
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
    CodeBlock fallback = !f.defaultValue().declared() ? CodeBlock.of("new $T()", valueType)
        : CodeBlock.of("$T.of($N)", valueType, field.defaultConstant());
    return CodeBlock.of("return $L ? $N : $L;\n", field.present(), v, fallback);
  }

  private void addMessageAccessors(TypeSpec.Builder type) {
    ClassName t = f.messageType().className;
    MethodSpec.Builder get = method(n.get(), t);
    if (f.inMapEntry()) {
      // a map value always exists
      get.addStatement("return $N", v);
    } else {
      get.addJavadoc("Returns the nested message; when absent, the type's shared empty default instance"
              + "\n(do not modify it: {@link #$L()} gives one to fill). Reads nothing but this field.\n",
              n.mutable())
          .addStatement("return $L ? $N : $T.getDefaultInstance()", field.present(), v, t);
    }
    type.addMethod(get.build());
    type.addMethod(method(n.mutable(), t)
        .addJavadoc("Returns the nested message to fill, marking it present (empty if it was absent).\n")
        .beginControlFlow("if ($N == null || !($L))", v, field.present())
        .addCode(field.resetValue())
        .addCode(field.markPresent())
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
    type.addMethod(method(n.count(), TypeName.INT).addStatement("return $N.size()", v).build());
    MethodSpec.Builder get = method(n.get(), elementType()).addParameter(TypeName.INT, "index");
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
    type.addMethod(method(n.list(), RuntimeClasses.repeatedType(f))
        .addStatement("return $N", v).build());
    if (f.isMessage()) {
      type.addMethod(method(n.add(), f.messageType().className)
          .addJavadoc("Appends an empty element and returns it to fill.\n")
          .addStatement("return $N.add()", v)
          .build());
    } else {
      type.addMethod(setter(n.add())
          .addParameter(f.kind == Kind.BYTES ? ArrayTypeName.of(TypeName.BYTE) : elementType(), "value")
          .addStatement(f.kind == Kind.ENUM ? "$N.add(value.getNumber())" : "$N.add(value)", v)
          .addStatement("return this")
          .build());
    }
    type.addMethod(setter(n.clear()).addStatement("$N.clear()", v).addStatement("return this").build());
  }

  private void addMapAccessors(TypeSpec.Builder type) {
    MessageInfo entry = f.messageType();
    TypeName key = RuntimeClasses.boxedType(entry.mapKey());
    TypeName value = RuntimeClasses.boxedType(entry.mapValue());
    TypeName mapType = ParameterizedTypeName.get(MAP, key, value);
    type.addMethod(method(n.map(), mapType)
        .addJavadoc("A snapshot of the map: entries in wire order, a later entry replacing an earlier"
            + " one with the same key.\n")
        .addStatement("$T map = new $T<>()", mapType, LINKED_HASH_MAP)
        .beginControlFlow("for (int i = 0; i < $N.size(); i++)", v)
        .addStatement("$T entry = $N.get(i)", entry.className, v)
        .addStatement("map.put(entry.$L(), entry.$L())", entry.mapKey().names().get(), entry.mapValue().names().get())
        .endControlFlow()
        .addStatement("return map")
        .build());
    type.addMethod(method(n.count(), TypeName.INT)
        .addJavadoc("The number of distinct keys (counted in place, no map is built).\n")
        .addStatement("return $N.distinctKeyCount($T::hasSameKey, $T::keyHash)", v, entry.className,
            entry.className)
        .build());
    type.addMethod(method(n.entries(), RuntimeClasses.repeatedType(f))
        .addJavadoc("The entries as they were parsed or added, duplicates included.\n")
        .addStatement("return $N", v)
        .build());
    type.addMethod(method(n.put(), entry.className)
        .addJavadoc("Appends an empty entry and returns it to fill; it replaces an earlier one of the same key.\n")
        .addStatement("return $N.add()", v)
        .build());
    type.addMethod(setter(n.clear()).addStatement("$N.clear()", v).addStatement("return this").build());
  }
}
