package dev.protodec.codegen.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.protodec.codegen.model.EnumInfo;
import javax.lang.model.element.Modifier;

/**
 * Emits a Java enum for a proto enum, shaped like protobuf-java's: {@code getNumber()}, {@code
 * forNumber(int)}, {@code X_VALUE} constants, aliases as static fields, and {@code UNRECOGNIZED} for open
 * (proto3) enums.
 */
final class EnumGenerator {
  private final EnumInfo info;

  EnumGenerator(EnumInfo info) {
    this.info = info;
  }

  TypeSpec generate() {
    ClassName self = info.className;
    TypeSpec.Builder type = TypeSpec.enumBuilder(self).addModifiers(Modifier.PUBLIC);
    type.addJavadoc(info.javadoc.isEmpty() ? "Protobuf enum {@code $L}.\n" : "$L\n",
        info.javadoc.isEmpty() ? info.fullName.substring(1) : Javadoc.escape(info.javadoc));
    for (EnumInfo.Value value : info.constants) {
      TypeSpec.Builder constant = TypeSpec.anonymousClassBuilder("$L", value.number());
      if (!value.javadoc().isEmpty()) {
        constant.addJavadoc("$L\n", Javadoc.escape(value.javadoc()));
      }
      type.addEnumConstant(value.name(), constant.build());
    }
    if (info.open) {
      type.addEnumConstant("UNRECOGNIZED", TypeSpec.anonymousClassBuilder("$L", -1)
          .addJavadoc("A number this version of the schema does not know.\n").build());
    }
    for (EnumInfo.Value alias : info.aliases) {
      type.addField(FieldSpec.builder(self, alias.name(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("$N", info.constantFor(alias.name()).name())
          .build());
    }
    for (EnumInfo.Value value : info.constants) {
      type.addField(FieldSpec.builder(TypeName.INT, value.name() + "_VALUE", Modifier.PUBLIC, Modifier.STATIC,
              Modifier.FINAL)
          .initializer("$L", value.number())
          .build());
    }
    type.addField(TypeName.INT, "number", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addParameter(TypeName.INT, "number")
        .addStatement("this.number = number")
        .build());
    type.addMethod(getNumber());
    type.addMethod(forNumber());
    type.addMethod(MethodSpec.methodBuilder("nameOf")
        .addJavadoc("The value's name, or the number itself when it has none.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(String.class)
        .addParameter(TypeName.INT, "number")
        .addStatement("$T value = forNumber(number)", self)
        .addStatement("return value == null ? $T.toString(number) : value.name()", Integer.class)
        .build());
    return type.build();
  }

  private MethodSpec getNumber() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("getNumber")
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.INT);
    if (info.open) {
      m.beginControlFlow("if (this == UNRECOGNIZED)")
          .addStatement("throw new $T($S)", IllegalArgumentException.class,
              "Can't get the number of an unknown enum value.")
          .endControlFlow();
    }
    return m.addStatement("return number").build();
  }

  private MethodSpec forNumber() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("forNumber")
        .addJavadoc("The value with this number, or null if there is none.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(info.className)
        .addParameter(TypeName.INT, "number")
        .beginControlFlow("switch (number)");
    for (EnumInfo.Value value : info.constants) {
      m.addStatement("case $L: return $N", value.number(), value.name());
    }
    return m.addStatement("default: return null").endControlFlow().build();
  }
}
