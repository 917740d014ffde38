package dev.protodec.codegen.model;

import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.FeatureSet;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;

/**
 * The resolved features that decide the generated code, for proto2, proto3 and editions alike: proto2
 * and proto3 are the editions their features stand for ({@code EDITION_PROTO2}, {@code EDITION_PROTO3});
 * an editions file starts from its edition's defaults and each file, message, oneof, field and enum
 * overrides what it sets in {@code features}. So {@code edition = "2023"} and {@code "2024"} files go
 * through the same code paths as proto2 and proto3 ones. ({@code json_format} does not touch the binary
 * format; {@code enforce_naming_style} and symbol visibility are protoc's to check.)
 *
 * @param presence {@code field_presence}: EXPLICIT (has-ers, presence bits), IMPLICIT (proto3 singular
 *     scalars) or LEGACY_REQUIRED (proto2's {@code required})
 * @param openEnums {@code enum_type = OPEN}: unknown numbers are kept in the field
 * @param packed {@code repeated_field_encoding = PACKED}
 * @param verifyUtf8 {@code utf8_validation = VERIFY}
 * @param delimited {@code message_encoding = DELIMITED}: message fields encoded as groups
 */
public record Features(FeatureSet.FieldPresence presence, boolean openEnums, boolean packed,
    boolean verifyUtf8, boolean delimited) {

  /** proto2's behaviour. */
  static final Features PROTO2 = new Features(FeatureSet.FieldPresence.EXPLICIT, false, false, false, false);
  /** proto3's behaviour. */
  static final Features PROTO3 = new Features(FeatureSet.FieldPresence.IMPLICIT, true, true, true, false);
  /** The defaults of editions 2023 and 2024 (they differ only in features that do not change the code). */
  static final Features EDITION_2023 =
      new Features(FeatureSet.FieldPresence.EXPLICIT, true, true, true, false);

  /**
   * The features a file's elements start from, its own {@code features} applied.
   *
   * @throws ModelException for an edition protodec does not know
   */
  static Features of(FileDescriptorProto file) throws ModelException {
    String syntax = file.getSyntax();
    if (syntax.isEmpty() || syntax.equals("proto2")) {
      return PROTO2;
    }
    if (syntax.equals("proto3")) {
      return PROTO3;
    }
    if (!syntax.equals("editions")) {
      throw new ModelException(file.getName() + ": unknown syntax \"" + syntax + "\"");
    }
    Edition edition = file.getEdition();
    if (edition != Edition.EDITION_2023 && edition != Edition.EDITION_2024) {
      throw new ModelException(file.getName() + ": " + edition + " is not supported; protodec generates"
          + " proto2, proto3 and editions 2023 and 2024");
    }
    return EDITION_2023.with(file.getOptions().getFeatures());
  }

  /** These features with what {@code set} sets explicitly overriding them. */
  Features with(FeatureSet set) {
    if (set.equals(FeatureSet.getDefaultInstance())) {
      return this;
    }
    return new Features(
        set.hasFieldPresence() ? set.getFieldPresence() : presence,
        set.hasEnumType() ? set.getEnumType() == FeatureSet.EnumType.OPEN : openEnums,
        set.hasRepeatedFieldEncoding()
            ? set.getRepeatedFieldEncoding() == FeatureSet.RepeatedFieldEncoding.PACKED : packed,
        set.hasUtf8Validation() ? set.getUtf8Validation() == FeatureSet.Utf8Validation.VERIFY : verifyUtf8,
        set.hasMessageEncoding()
            ? set.getMessageEncoding() == FeatureSet.MessageEncoding.DELIMITED : delimited);
  }
}
