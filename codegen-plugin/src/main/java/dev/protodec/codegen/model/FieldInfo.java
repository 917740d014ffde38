package dev.protodec.codegen.model;

import com.google.protobuf.DescriptorProtos.FeatureSet;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;

/**
 * A field with everything the generators need already decided: Java names, tags, presence, packing,
 * UTF-8 checking and, once the registry has resolved it, its message or enum type.
 */
public final class FieldInfo {
  public final FieldDescriptorProto proto;
  public final String protoName;
  /** {@code package.Message.field}: how errors about the field's value name it. */
  public final String fullName;
  public final int number;
  public final Kind kind;
  public final boolean repeated;
  public final boolean required;
  /** Tag of one value as declared (for repeated packable fields: packed or not per the schema). */
  public final int tag;
  /** For repeated packable fields: the other encoding's tag, also accepted when parsing; else 0. */
  public final int alternateTag;
  /** Repeated packable field written packed. */
  public final boolean packed;
  /** Strings checked for valid UTF-8 when parsed (proto3, or {@code java_string_check_utf8}). */
  public final boolean validateUtf8;
  /** Proto2 {@code [default = ...]} text as protoc writes it, or null. */
  final String defaultText;
  public final String javadoc;

  /** The field's resolved features (its file's, messages' and own). */
  public final Features features;
  private final boolean groupLike;

  /** Every Java name of the field, unique in its class: set by the registry ({@link MemberNames}). */
  FieldNames names;
  /** The default as a Java value, set by the registry: {@link DefaultValue}. */
  DefaultValue defaults;

  /** Index of the presence bit, or -1 when the field has none (repeated, oneof member, implicit). */
  int presenceBit = -1;
  OneofInfo oneof;
  /** A key or value of a map entry: always written, and enum values kept raw for the map's check. */
  final boolean inMapEntry;
  MessageInfo messageType;
  EnumInfo enumType;

  /**
   * @param features the resolved features of the containing message (the field's own are applied here)
   * @param mapEntryTypes full names of every map entry type: message fields of such types are never
   *     delimited
   */
  FieldInfo(FieldDescriptorProto proto, String containingType, Features features, boolean checkUtf8,
      boolean inMapEntry, java.util.Set<String> mapEntryTypes, String javadoc) {
    this.proto = proto;
    this.protoName = proto.getName();
    this.fullName = (containingType.startsWith(".") ? containingType.substring(1) : containingType) + "." + protoName;
    this.number = proto.getNumber();
    this.features = features.with(proto.getOptions().getFeatures());
    // editions: a message field with message_encoding = DELIMITED is encoded as a group
    boolean delimited = proto.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE && this.features.delimited()
        && !inMapEntry && !mapEntryTypes.contains(proto.getTypeName());
    this.kind = delimited ? Kind.GROUP : Kind.of(proto.getType());
    this.repeated = proto.getLabel() == Label.LABEL_REPEATED;
    this.required = proto.getLabel() == Label.LABEL_REQUIRED
        || this.features.presence() == FeatureSet.FieldPresence.LEGACY_REQUIRED;
    boolean packable = repeated && kind.isPackable();
    this.packed =
        packable
            && (proto.getOptions().hasPacked() ? proto.getOptions().getPacked() : this.features.packed());
    int wireType = packed ? 2 : kind.wireType;
    this.tag = (number << 3) | wireType;
    this.alternateTag = packable ? (number << 3) | (packed ? kind.wireType : 2) : 0;
    // protobuf-java checks map keys and values even in proto2
    this.validateUtf8 = kind == Kind.STRING && (this.features.verifyUtf8() || checkUtf8 || inMapEntry);
    this.inMapEntry = inMapEntry;
    this.defaultText = proto.hasDefaultValue() ? proto.getDefaultValue() : null;
    this.javadoc = javadoc;
    String type = proto.getTypeName();
    String simpleType = type.substring(type.lastIndexOf('.') + 1);
    this.groupLike = kind == Kind.GROUP && protoName.equals(simpleType.toLowerCase(java.util.Locale.ROOT))
        && type.equals(containingType + "." + simpleType);
  }

  /**
   * Whether the field has explicit presence (a has-er and a presence bit, or a oneof case): not repeated,
   * and explicit presence by its features, or a proto3 {@code optional}, or a message.
   */
  boolean hasExplicitPresenceFeature() {
    return !repeated && (features.presence() != FeatureSet.FieldPresence.IMPLICIT
        || proto.getProto3Optional() || isMessage());
  }

  /**
   * A group as proto2 declares one (or an editions field shaped like one: named like its type in lower
   * case, the type declared beside it): protobuf-java names its accessors, and text format the field,
   * after the type ({@code OptionalGroup}).
   */
  public boolean groupLike() {
    return groupLike;
  }

  public FieldNames names() {
    return names;
  }

  /** The field's default: proto2's {@code [default = ...]}, or its type's zero. */
  public DefaultValue defaultValue() {
    return defaults;
  }

  public boolean hasPresenceBit() {
    return presenceBit >= 0;
  }

  public int presenceBit() {
    return presenceBit;
  }

  /** Which {@code bitFieldN_} holds the presence bit. */
  public String bitField() {
    return "bitField" + (presenceBit / 32) + "_";
  }

  public int bitMask() {
    return 1 << (presenceBit % 32);
  }

  /** The oneof this field belongs to, or null (proto3 {@code optional} fields belong to none). */
  public OneofInfo oneof() {
    return oneof;
  }

  public boolean inOneof() {
    return oneof != null;
  }

  /** Has-er generated: explicit presence by bit or by oneof case. */
  public boolean hasPresence() {
    return !repeated && (presenceBit >= 0 || oneof != null);
  }

  public MessageInfo messageType() {
    return messageType;
  }

  public EnumInfo enumType() {
    return enumType;
  }

  public boolean isMessage() {
    return kind == Kind.MESSAGE || kind == Kind.GROUP;
  }

  public boolean isMap() {
    return repeated && messageType != null && messageType.isMapEntry;
  }

  /** Enum field whose unknown numbers go to the unknown fields (proto2). */
  public boolean isClosedEnum() {
    return kind == Kind.ENUM && !enumType.open && !inMapEntry;
  }

  /** A map field whose values are a closed enum: entries with unknown values become unknown fields. */
  public boolean isMapWithClosedEnumValue() {
    if (!isMap()) {
      return false;
    }
    FieldInfo value = messageType.mapValue();
    return value.kind == Kind.ENUM && !value.enumType.open;
  }

  public boolean inMapEntry() {
    return inMapEntry;
  }

  /** Tag of the end-group marker of a group field. */
  public int endGroupTag() {
    return (number << 3) | 4;
  }

  /** Encoded size of {@link #tag}; an end-group tag of the same field has the same size. */
  public int tagSize() {
    return varintSize(tag);
  }

  private static int varintSize(int value) {
    int size = 1;
    while ((value & ~0x7F) != 0) {
      value >>>= 7;
      size++;
    }
    return size;
  }

  @Override
  public String toString() {
    return protoName + " = " + number;
  }
}
