package dev.protodec.dns.schema;

import dev.protodec.reflective.ReflectiveSchema;

/**
 * Where the reflective view of {@code protodec/dns/v1/dns.proto} lives: the descriptor set protodec's
 * plugin writes into this jar, and the package of its message types. The generated views need no such
 * entry point: protobuf-java's classes are in {@code dev.protodec.dns.v1}, protodec's in {@code
 * dev.protodec.dns.fast}.
 */
public final class DnsSchema {
  /** The class path resource protodec's plugin writes the schema's descriptor set to. */
  public static final String DESCRIPTOR_SET = "META-INF/protodec/protodec-dns-schema.desc";

  /** The protobuf package of the schema's message types, with its trailing dot. */
  public static final String PACKAGE = "protodec.dns.v1.";

  private DnsSchema() {}

  /** Loads {@value #DESCRIPTOR_SET} from this jar's class loader; each call parses it again. */
  public static ReflectiveSchema load() {
    return ReflectiveSchema.fromResource(DnsSchema.class.getClassLoader(), DESCRIPTOR_SET);
  }
}
