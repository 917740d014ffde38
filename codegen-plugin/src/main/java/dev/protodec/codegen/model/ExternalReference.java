package dev.protodec.codegen.model;

/**
 * A field of a generated message whose type lives in a file this run does not generate (and the
 * runtime does not ship): its protodec class must come from the class path.
 *
 * @param field the referring field, {@code package.Message.field}
 * @param typeName the referenced type's full proto name, without the leading dot
 * @param protoPath the file that declares it
 * @param binaryName the Java class the generated code will use, as {@code Class.forName} names it
 */
public record ExternalReference(String field, String typeName, String protoPath, String binaryName) {}
