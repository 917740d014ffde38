package dev.protodec.reflective;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A descriptor set that cannot be loaded, or a name that the loaded schema does not have. One factory
 * per kind of mistake; each message says what is missing and what to check.
 */
public final class SchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How many known names an "unknown name" message lists before it abbreviates. */
  private static final int NAMES_SHOWN = 20;

  private SchemaException(String message) {
    super(message);
  }

  private SchemaException(String message, Throwable cause) {
    super(message, cause);
  }

  static SchemaException unreadable(String source, IOException cause) {
    return new SchemaException(source + " is not a readable FileDescriptorSet (" + cause.getMessage()
        + "). Write it with protoc --descriptor_set_out, or with protodec's writeDescriptorSet.", cause);
  }

  static SchemaException resourceNotFound(String resource, ClassLoader loader) {
    return new SchemaException("no resource " + resource + " on the class path of " + loader
        + ". Is the jar holding it a dependency? protodec's writeDescriptorSet puts the set of artifact"
        + " <artifactId> at META-INF/protodec/<artifactId>.desc.");
  }

  static SchemaException duplicateFile(String file) {
    return new SchemaException(
        "the descriptor set holds " + file + " twice; a set must hold each file once.");
  }

  static SchemaException missingDependency(String file, String dependency) {
    return new SchemaException(file + " imports " + dependency + ", which the descriptor set does not hold."
        + " Write the set with its imports (protoc --include_imports; protodec's writeDescriptorSet does).");
  }

  static SchemaException importCycle(List<String> cycle) {
    return new SchemaException("the descriptor set's files import each other in a cycle: "
        + String.join(" -> ", cycle) + ". protoc rejects such files; the set was not written by protoc.");
  }

  static SchemaException invalidFile(String file, DescriptorValidationException cause) {
    return new SchemaException(file + " in the descriptor set is not valid: " + cause.getDescription()
        + " (at " + cause.getProblemSymbolName() + ").", cause);
  }

  static SchemaException unknownMessageType(String name, Collection<String> known) {
    return new SchemaException("the schema has no message type " + name + "; full names are expected"
        + " (package.Outer.Inner). Known types: " + abbreviate(known) + ".");
  }

  static SchemaException unknownField(Descriptor type, String name) {
    return new SchemaException("message " + type.getFullName() + " has no field " + name
        + " (names are the .proto names, such as foo_bar). Its fields: "
        + abbreviate(type.getFields().stream().map(FieldDescriptor::getName).collect(Collectors.toList()))
        + ".");
  }

  static SchemaException unknownOneof(Descriptor type, String name) {
    return new SchemaException("message " + type.getFullName() + " has no oneof " + name + ". Its oneofs: "
        + abbreviate(type.getRealOneofs().stream().map(o -> o.getName()).collect(Collectors.toList())) + ".");
  }

  static SchemaException wrongFieldType(FieldDescriptor field, FieldDescriptor.JavaType expected) {
    String type = (field.isRepeated() ? "repeated " : "") + field.getType().name().toLowerCase(Locale.ROOT);
    return new SchemaException("field " + field.getFullName() + " is " + type + " (" + field.getJavaType()
        + " in Java), not " + expected + " as the caller expects.");
  }

  private static String abbreviate(Collection<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    String shown = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
    return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
  }
}
