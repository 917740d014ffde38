package dev.protodec.codegen.benchmark;

import com.google.protobuf.Descriptors.Descriptor;

/**
 * Writes one JMH class per benchmarked type, from the template below: {@code deep_}, {@code light_} and
 * {@code encode_} methods for each contender, so the report groups them by question with {@code
 * dynamicMessage} as the reference. The base class ({@code SchemaBenchmark}) holds the corpus and the
 * cross-check.
 */
final class BenchmarkClassWriter {
  static final String PACKAGE = "protodec.benchmark.generated";

  private static final String TEMPLATE = Templates.read("Benchmark.java.template");

  private BenchmarkClassWriter() {}

  /** {@code pkg.Outer.Inner} → {@code Outer_InnerBenchmark}. */
  static String className(Descriptor type) {
    String relative = type.getFile().getPackage().isEmpty() ? type.getFullName()
        : type.getFullName().substring(type.getFile().getPackage().length() + 1);
    return relative.replace('.', '_') + "Benchmark";
  }

  static String write(Descriptor type, WalkWriter walks) {
    return TEMPLATE
        .replace("%PACKAGE%", PACKAGE)
        .replace("%CLASS%", className(type))
        .replace("%TYPE%", type.getFullName())
        .replace("%PJ%", JavaNames.protobufJava(type))
        .replace("%PD%", JavaNames.protodec(type))
        .replace("%DEEP_PJ%", walks.method("deep", WalkWriter.Side.PROTOBUF_JAVA, type))
        .replace("%DEEP_PD%", walks.method("deep", WalkWriter.Side.PROTODEC, type))
        .replace("%LIGHT_PJ%", walks.method("light", WalkWriter.Side.PROTOBUF_JAVA, type))
        .replace("%LIGHT_PD%", walks.method("light", WalkWriter.Side.PROTODEC, type));
  }
}
