package dev.protodec.codegen.model;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A message: its Java class, fields in number order, oneofs, nested types and presence bits. */
public final class MessageInfo {
  public final String fullName;
  public final ClassName className;
  public final DescriptorProto proto;
  /** {@code proto2}, {@code proto3} or {@code editions}. */
  public final String syntax;
  /** The message's resolved features: its file's, its enclosing messages' and its own. */
  public final Features features;
  public final boolean isMapEntry;
  public final String javadoc;
  /** Fields in field-number order: the order they are written, and the predicted order when parsing. */
  public final List<FieldInfo> fields;
  public final List<OneofInfo> oneofs;
  public final List<MessageInfo> nestedMessages = new ArrayList<>();
  public final List<EnumInfo> nestedEnums = new ArrayList<>();
  /** How many {@code int bitFieldN_} fields hold the presence bits. */
  public final int bitFieldCount;

  /** Set by the registry: this message or one it contains (transitively) has required fields. */
  boolean needsInitializationCheck;

  MessageInfo(String fullName, ClassName className, DescriptorProto proto, String syntax,
      Features features, boolean checkUtf8, java.util.Set<String> mapEntryTypes, Comments comments,
      List<Integer> path) {
    this.fullName = fullName;
    this.className = className;
    this.proto = proto;
    this.syntax = syntax;
    this.features = features;
    this.isMapEntry = proto.getOptions().getMapEntry();
    this.javadoc = comments.forPath(path);

    List<OneofInfo> realOneofs = new ArrayList<>();
    List<OneofInfo> byIndex = new ArrayList<>();
    for (int i = 0; i < proto.getOneofDeclCount(); i++) {
      boolean synthetic = isSyntheticOneof(proto, i);
      OneofInfo oneof = synthetic ? null : new OneofInfo(proto.getOneofDecl(i).getName(), className);
      byIndex.add(oneof);
      if (oneof != null) {
        realOneofs.add(oneof);
      }
    }
    List<FieldInfo> all = new ArrayList<>();
    int bits = 0;
    for (int i = 0; i < proto.getFieldCount(); i++) {
      var fieldProto = proto.getField(i);
      FieldInfo field = new FieldInfo(fieldProto, fullName, features, checkUtf8, isMapEntry, mapEntryTypes,
          comments.forPath(Comments.child(path, 2, i)));
      if (fieldProto.hasOneofIndex() && byIndex.get(fieldProto.getOneofIndex()) != null) {
        field.oneof = byIndex.get(fieldProto.getOneofIndex());
        field.oneof.fields.add(field);
      } else if (field.hasExplicitPresenceFeature()) {
        field.presenceBit = bits++;
      }
      all.add(field);
    }
    all.sort(Comparator.comparingInt(f -> f.number));
    this.fields = List.copyOf(all);
    this.oneofs = List.copyOf(realOneofs);
    this.bitFieldCount = (bits + 31) / 32;
  }

  private static boolean isSyntheticOneof(DescriptorProto proto, int oneofIndex) {
    for (var field : proto.getFieldList()) {
      if (field.hasOneofIndex() && field.getOneofIndex() == oneofIndex) {
        return field.getProto3Optional();
      }
    }
    return false;
  }

  public boolean needsInitializationCheck() {
    return needsInitializationCheck;
  }

  public List<FieldInfo> requiredFields() {
    return fields.stream().filter(f -> f.required).toList();
  }

  /** Map entries only: the key field (number 1). */
  public FieldInfo mapKey() {
    return fields.get(0);
  }

  /** Map entries only: the value field (number 2). */
  public FieldInfo mapValue() {
    return fields.get(1);
  }
}
