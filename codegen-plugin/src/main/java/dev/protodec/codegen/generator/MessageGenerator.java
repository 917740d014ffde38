package dev.protodec.codegen.generator;

import static dev.protodec.codegen.generator.RuntimeClasses.BYTE_BUFFER;
import static dev.protodec.codegen.generator.RuntimeClasses.INPUT_STREAM;
import static dev.protodec.codegen.generator.RuntimeClasses.INVALID_PROTOBUF;
import static dev.protodec.codegen.generator.RuntimeClasses.IO_EXCEPTION;
import static dev.protodec.codegen.generator.RuntimeClasses.LIST;
import static dev.protodec.codegen.generator.RuntimeClasses.PROTO_MESSAGE;
import static dev.protodec.codegen.generator.RuntimeClasses.PROTO_PRINTER;
import static dev.protodec.codegen.generator.RuntimeClasses.PROTO_READER;
import static dev.protodec.codegen.generator.RuntimeClasses.PROTO_WRITER;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.protodec.codegen.model.EnumInfo;
import dev.protodec.codegen.model.FieldInfo;
import dev.protodec.codegen.model.MessageInfo;
import dev.protodec.codegen.model.OneofInfo;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** Emits the class of one message (and, recursively, its nested types). */
final class MessageGenerator {
  private final MessageInfo info;
  private final ClassName self;
  private final List<FieldGenerator> fields = new ArrayList<>();

  MessageGenerator(MessageInfo info) {
    this.info = info;
    this.self = info.className;
    for (FieldInfo field : info.fields) {
      fields.add(new FieldGenerator(info, field));
    }
  }

  TypeSpec generate(boolean nested) throws GeneratorException {
    TypeSpec.Builder type = TypeSpec.classBuilder(self).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    if (nested) {
      type.addModifiers(Modifier.STATIC);
    }
    type.superclass(ParameterizedTypeName.get(PROTO_MESSAGE, self));
    addJavadoc(type);
    addStorage(type);
    addConstructors(type);
    addParseMethods(type);
    addAccessors(type);
    addClear(type);
    addDetach(type);
    addMergeFrom(type);
    addSize(type);
    addWrite(type);
    addInitializationChecks(type);
    addMapEntryKeyMethods(type);
    addEquals(type);
    addHashCode(type);
    addPrinting(type);
    addNestedTypes(type);
    return type.build();
  }

  private void addJavadoc(TypeSpec.Builder type) {
    if (!info.javadoc.isEmpty()) {
      type.addJavadoc("$L\n\n", Javadoc.escape(info.javadoc));
    }
    type.addJavadoc("Protobuf message {@code $L}.\n", info.fullName.substring(1));
  }

  private void addStorage(TypeSpec.Builder type) throws GeneratorException {
    for (int i = 0; i < info.bitFieldCount; i++) {
      type.addField(FieldSpec.builder(TypeName.INT, "bitField" + i + "_", Modifier.PRIVATE)
          .addJavadoc(i == 0 ? "Presence bits of the fields that have presence.\n" : "")
          .build());
    }
    for (OneofInfo oneof : info.oneofs) {
      type.addField(FieldSpec.builder(TypeName.INT, oneof.caseField, Modifier.PRIVATE)
          .addJavadoc("Field number of the set member of oneof {@code $L}, 0 if none.\n", oneof.protoName)
          .build());
    }
    for (FieldGenerator field : fields) {
      field.accessors().addStorage(type);
    }
  }

  private void addConstructors(TypeSpec.Builder type) {
    type.addField(FieldSpec.builder(self, "DEFAULT_INSTANCE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T()", self)
        .build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(MethodSpec.methodBuilder("newInstance")
        .addJavadoc("A new, empty message.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addStatement("return new $T()", self)
        .build());
    type.addMethod(MethodSpec.methodBuilder("getDefaultInstance")
        .addJavadoc("The shared empty message that getters of absent fields of this type return. Read it, do"
            + " not modify it.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addStatement("return DEFAULT_INSTANCE")
        .build());
  }

  private void addParseMethods(TypeSpec.Builder type) {
    type.addMethod(parseMethod("parseFrom", INVALID_PROTOBUF)
        .addParameter(ArrayTypeName.of(TypeName.BYTE), "data")
        .addStatement("return $T.of(data).parseInto(new $T())", PROTO_READER, self)
        .build());
    type.addMethod(parseMethod("parseFrom", INVALID_PROTOBUF)
        .addParameter(ArrayTypeName.of(TypeName.BYTE), "data")
        .addParameter(TypeName.INT, "offset")
        .addParameter(TypeName.INT, "length")
        .addStatement("return $T.newInstance().wrap(data, offset, length).parseInto(new $T())",
            PROTO_READER, self)
        .build());
    type.addMethod(parseMethod("parseFrom", INVALID_PROTOBUF)
        .addJavadoc("Reads the buffer's remaining bytes; its position is left unchanged.\n")
        .addParameter(BYTE_BUFFER, "data")
        .addStatement("return $T.of(data).parseInto(new $T())", PROTO_READER, self)
        .build());
    type.addMethod(parseMethod("parseFrom", IO_EXCEPTION)
        .addJavadoc("Reads the stream to its end.\n")
        .addParameter(INPUT_STREAM, "data")
        .addStatement("return $T.of(data).parseInto(new $T())", PROTO_READER, self)
        .build());
    type.addMethod(parseMethod("parsePartialFrom", INVALID_PROTOBUF)
        .addJavadoc("Like {@link #parseFrom(byte[])}, but accepts a message missing required fields.\n")
        .addParameter(ArrayTypeName.of(TypeName.BYTE), "data")
        .addStatement("return $T.of(data).parsePartialInto(new $T())", PROTO_READER, self)
        .build());
  }

  private MethodSpec.Builder parseMethod(String name, ClassName exception) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addException(exception);
  }

  private void addAccessors(TypeSpec.Builder type) throws GeneratorException {
    for (FieldGenerator field : fields) {
      field.accessors().addAccessors(type);
    }
    for (OneofInfo oneof : info.oneofs) {
      type.addMethod(MethodSpec.methodBuilder(oneof.caseGetter)
          .addModifiers(Modifier.PUBLIC)
          .returns(oneof.caseEnum)
          .addStatement("return $T.forNumber($N)", oneof.caseEnum, oneof.caseField)
          .build());
      type.addMethod(MethodSpec.methodBuilder(oneof.clearer)
          .addModifiers(Modifier.PUBLIC)
          .returns(self)
          .addStatement("$N = 0", oneof.caseField)
          .addStatement("return this")
          .build());
    }
  }

  private MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  private void addClear(TypeSpec.Builder type) throws GeneratorException {
    MethodSpec.Builder clear = override("clear", self)
        .addJavadoc("Resets every field; keeps allocated strings, arrays and nested messages for reuse.\n")
        .addStatement("cachedSize = -1");
    for (int i = 0; i < info.bitFieldCount; i++) {
      clear.addStatement("bitField$L_ = 0", i);
    }
    for (OneofInfo oneof : info.oneofs) {
      clear.addStatement("$N = 0", oneof.caseField);
    }
    for (FieldGenerator field : fields) {
      clear.addCode(field.objectMethods().clearCode());
    }
    type.addMethod(clear.addStatement("unknownFields.clear()").addStatement("return this").build());
  }

  private void addDetach(TypeSpec.Builder type) {
    MethodSpec.Builder detach = override("detach", self)
        .addJavadoc("Copies into this message what it refers to in a zero-copy parse's input; see {@link $T#detach}.\n",
            RuntimeClasses.PROTO_MESSAGE);
    for (FieldGenerator field : fields) {
      detach.addCode(field.objectMethods().detachCode());
    }
    type.addMethod(detach.addStatement("return this").build());
  }

  /**
   * The parse loop. Cases come in field-number order and each ends by reading the next tag: when that
   * is the next field's tag (the usual case, as encoders write in number order) the case falls through
   * into the next one without going back to the switch.
   */
  private void addMergeFrom(TypeSpec.Builder type) {
    MethodSpec.Builder merge = override("mergeFrom", self)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "fallthrough").build())
        .addParameter(PROTO_READER, "input", Modifier.FINAL)
        .addException(INVALID_PROTOBUF)
        .addStatement("int tag = input.readTag()")
        .beginControlFlow("while (true)")
        .beginControlFlow("switch (tag)");
    for (int i = 0; i < fields.size(); i++) {
      FieldInfo field = fields.get(i).field();
      merge.beginControlFlow("case $L:", field.tag)
          .addCode("// $L\n", field.protoName)
          .addCode(fields.get(i).parsing().parsePrimary());
      if (fallsThrough(i)) {
        int next = i + 1 < fields.size() ? fields.get(i + 1).field().tag : 0;
        merge.beginControlFlow("if (tag != $L)", next).addStatement("break").endControlFlow();
      } else {
        merge.addCode("// the next field is another member of this oneof: not expected here\n")
            .addStatement("break");
      }
      merge.endControlFlow();
    }
    merge.beginControlFlow("case 0:").addStatement("return this").endControlFlow();
    for (FieldGenerator field : fields) {
      if (field.field().alternateTag != 0) {
        merge.beginControlFlow("case $L:", field.field().alternateTag)
            .addCode("// $L, $L\n", field.field().protoName, field.field().packed ? "unpacked" : "packed")
            .addCode(field.parsing().parseAlternate())
            .addStatement("break")
            .endControlFlow();
      }
    }
    merge.beginControlFlow("default:")
        .beginControlFlow("if (!input.skipField(tag, unknownFields))")
        .addCode("// end-group tag: the group this message is read from ends here\n")
        .addStatement("return this")
        .endControlFlow()
        .addStatement("tag = input.readTag()")
        .addStatement("break")
        .endControlFlow();
    merge.endControlFlow().endControlFlow();
    type.addMethod(merge.build());
  }

  /**
   * Whether the case of field {@code index} falls through into the next field's case when the next
   * tag is that field's: not between members of one oneof, as at most one of them is set.
   */
  private boolean fallsThrough(int index) {
    if (index + 1 == fields.size()) {
      return true; // into "case 0", the end of the message
    }
    FieldInfo field = fields.get(index).field();
    return field.oneof() == null || field.oneof() != fields.get(index + 1).field().oneof();
  }

  private void addSize(TypeSpec.Builder type) {
    MethodSpec.Builder size = MethodSpec.methodBuilder("computeSerializedSize")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(TypeName.INT)
        .addStatement("int size = 0");
    for (FieldGenerator field : fields) {
      size.addCode(field.encoding().sizeCode());
    }
    type.addMethod(size.addStatement("return size + unknownFields.length()").build());
  }

  private void addWrite(TypeSpec.Builder type) {
    MethodSpec.Builder write = override("writeFieldsTo", TypeName.VOID)
        .addParameter(PROTO_WRITER, "out", Modifier.FINAL);
    for (FieldGenerator field : fields) {
      write.addCode(field.encoding().writeCode());
    }
    type.addMethod(write.addStatement("out.writeRaw(unknownFields)").build());
  }

  private void addInitializationChecks(TypeSpec.Builder type) {
    if (!info.needsInitializationCheck()) {
      return;
    }
    MethodSpec.Builder check = override("isInitialized", TypeName.BOOLEAN);
    int[] requiredMasks = new int[info.bitFieldCount];
    for (FieldInfo field : info.requiredFields()) {
      requiredMasks[field.presenceBit() / 32] |= field.bitMask();
    }
    for (int i = 0; i < requiredMasks.length; i++) {
      if (requiredMasks[i] != 0) {
        check.beginControlFlow("if ((bitField$L_ & 0x$L) != 0x$L)", i, Integer.toHexString(requiredMasks[i]),
                Integer.toHexString(requiredMasks[i]))
            .addStatement("return false")
            .endControlFlow();
      }
    }
    MethodSpec.Builder missing = MethodSpec.methodBuilder("findMissingFields")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(String.class, "prefix")
        .addParameter(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), "missing");
    for (FieldGenerator field : fields) {
      if (field.objectMethods().needsNestedCheck()) {
        check.addCode(field.objectMethods().isInitializedCode());
      }
      missing.addCode(field.objectMethods().findMissingCode());
    }
    type.addMethod(check.addStatement("return true").build());
    type.addMethod(missing.build());
  }

  /** A map entry compares its key with another entry's, for the map's {@code getXCount()}. */
  private void addMapEntryKeyMethods(TypeSpec.Builder type) {
    if (!info.isMapEntry) {
      return;
    }
    FieldInfo key = info.mapKey();
    FieldGenerator keyField = fields.get(info.fields.indexOf(key));
    type.addMethod(MethodSpec.methodBuilder("hasSameKey")
        .returns(TypeName.BOOLEAN)
        .addParameter(self, "other")
        .addStatement("return $L", keyField.objectMethods().valueEquals())
        .build());
    type.addMethod(MethodSpec.methodBuilder("keyHash")
        .returns(TypeName.INT)
        .addStatement("return $L", keyField.objectMethods().valueHash(key.names().storage()))
        .build());
  }

  private void addEquals(TypeSpec.Builder type) {
    MethodSpec.Builder equals = override("equals", TypeName.BOOLEAN)
        .addParameter(Object.class, "o")
        .beginControlFlow("if (o == this)").addStatement("return true").endControlFlow()
        .beginControlFlow("if (!(o instanceof $T))", self).addStatement("return false").endControlFlow()
        .addStatement("$T other = ($T) o", self, self);
    for (int i = 0; i < info.bitFieldCount; i++) {
      equals.beginControlFlow("if (bitField$L_ != other.bitField$L_)", i, i)
          .addStatement("return false")
          .endControlFlow();
    }
    for (FieldGenerator field : fields) {
      if (!field.field().inOneof()) {
        equals.addCode(field.objectMethods().equalsCode());
      }
    }
    for (OneofInfo oneof : info.oneofs) {
      equals.beginControlFlow("if ($N != other.$N)", oneof.caseField, oneof.caseField)
          .addStatement("return false")
          .endControlFlow()
          .beginControlFlow("switch ($N)", oneof.caseField);
      for (FieldGenerator field : fields) {
        if (field.field().oneof() == oneof) {
          equals.beginControlFlow("case $L:", field.field().number)
              .beginControlFlow("if (!($L))", field.objectMethods().valueEquals())
              .addStatement("return false")
              .endControlFlow()
              .addStatement("break")
              .endControlFlow();
        }
      }
      equals.addStatement("default: break").endControlFlow();
    }
    type.addMethod(equals.addStatement("return unknownFields.contentEquals(other.unknownFields)").build());
  }

  private void addHashCode(TypeSpec.Builder type) {
    MethodSpec.Builder hash = override("hashCode", TypeName.INT).addStatement("int hash = 41");
    for (FieldGenerator field : fields) {
      hash.addCode(field.objectMethods().hashCodeCode());
    }
    type.addMethod(hash.addStatement("return 31 * hash + unknownFields.hashCode()").build());
  }

  private void addPrinting(TypeSpec.Builder type) {
    MethodSpec.Builder print = MethodSpec.methodBuilder("printFields")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .addParameter(PROTO_PRINTER, "printer");
    for (FieldGenerator field : fields) {
      print.addCode(field.objectMethods().printCode());
    }
    type.addMethod(print.addStatement("printer.unknownFields(unknownFields)").build());
    type.addMethod(override("getTypeName", ClassName.get(String.class))
        .addStatement("return $S", info.fullName.substring(1))
        .build());
  }

  private void addNestedTypes(TypeSpec.Builder type) throws GeneratorException {
    for (OneofInfo oneof : info.oneofs) {
      type.addType(oneofCaseEnum(oneof));
    }
    for (EnumInfo nested : info.nestedEnums) {
      type.addType(new EnumGenerator(nested).generate());
    }
    for (MessageInfo nested : info.nestedMessages) {
      type.addType(new MessageGenerator(nested).generate(true));
    }
  }

  private static TypeSpec oneofCaseEnum(OneofInfo oneof) {
    TypeSpec.Builder e = TypeSpec.enumBuilder(oneof.caseEnum)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Which member of oneof {@code $L} is set.\n", oneof.protoName);
    MethodSpec.Builder forNumber = MethodSpec.methodBuilder("forNumber")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(oneof.caseEnum)
        .addParameter(TypeName.INT, "number")
        .beginControlFlow("switch (number)");
    for (FieldInfo field : oneof.fields) {
      String constant = field.protoName.toUpperCase(java.util.Locale.ROOT);
      e.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("$L", field.number).build());
      forNumber.addStatement("case $L: return $N", field.number, constant);
    }
    e.addEnumConstant(oneof.notSetConstant, TypeSpec.anonymousClassBuilder("0").build());
    forNumber.addStatement("default: return $N", oneof.notSetConstant).endControlFlow();
    return e.addField(TypeName.INT, "number", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(TypeName.INT, "number")
            .addStatement("this.number = number")
            .build())
        .addMethod(MethodSpec.methodBuilder("getNumber")
            .addModifiers(Modifier.PUBLIC)
            .returns(TypeName.INT)
            .addStatement("return number")
            .build())
        .addMethod(forNumber.build())
        .build();
  }
}
