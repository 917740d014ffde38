package dev.protodec.codegen.model;

import java.util.Set;

/**
 * The well-known types whose protodec classes ship in {@code protodec-runtime}, package
 * {@value #JAVA_PACKAGE}: a schema that imports them needs no setup, as with protobuf-java.
 *
 * <p>{@code descriptor.proto} is not among them (large, and mostly imported for custom options,
 * which generate no field); neither are the editions feature files.
 */
public final class ShippedTypes {
  /** Where the runtime keeps the well-known types' classes. */
  public static final String JAVA_PACKAGE = "dev.protodec.wkt";

  /** protobuf-java's Java package of the same files, which {@code replacePackages} may name. */
  public static final String PROTOBUF_JAVA_PACKAGE = "com.google.protobuf";

  /** The proto paths of the files the runtime has classes for. */
  public static final Set<String> FILES = Set.of(
      "google/protobuf/any.proto",
      "google/protobuf/api.proto",
      "google/protobuf/duration.proto",
      "google/protobuf/empty.proto",
      "google/protobuf/field_mask.proto",
      "google/protobuf/source_context.proto",
      "google/protobuf/struct.proto",
      "google/protobuf/timestamp.proto",
      "google/protobuf/type.proto",
      "google/protobuf/wrappers.proto");

  private ShippedTypes() {}

  public static boolean isShipped(String protoPath) {
    return FILES.contains(protoPath);
  }
}
