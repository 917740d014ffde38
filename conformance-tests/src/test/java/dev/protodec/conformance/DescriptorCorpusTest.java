package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.protodec.runtime.ProtoMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * (d) A real corpus: the {@code FileDescriptorProto}s of protobuf-java's well-known types, of
 * descriptor.proto itself, of the OTLP files (from the opentelemetry-proto jar's generated classes) and
 * of this module's schemas, plus protoc's descriptor sets of the test schemas with source info
 * (comments, spans). Each round-trips through protodec's generated descriptor.proto classes.
 */
class DescriptorCorpusTest {
  /** Descriptors compiled into protobuf-java and opentelemetry-proto, and into this module. */
  static final List<FileDescriptor> COMPILED_IN =
      List.of(
          com.google.protobuf.AnyProto.getDescriptor(),
          com.google.protobuf.ApiProto.getDescriptor(),
          com.google.protobuf.DescriptorProtos.getDescriptor(),
          com.google.protobuf.DurationProto.getDescriptor(),
          com.google.protobuf.EmptyProto.getDescriptor(),
          com.google.protobuf.FieldMaskProto.getDescriptor(),
          com.google.protobuf.JavaFeaturesProto.getDescriptor(),
          com.google.protobuf.SourceContextProto.getDescriptor(),
          com.google.protobuf.StructProto.getDescriptor(),
          com.google.protobuf.TimestampProto.getDescriptor(),
          com.google.protobuf.TypeProto.getDescriptor(),
          com.google.protobuf.WrappersProto.getDescriptor(),
          com.google.protobuf.compiler.PluginProtos.getDescriptor(),
          io.opentelemetry.proto.common.v1.CommonProto.getDescriptor(),
          io.opentelemetry.proto.resource.v1.ResourceProto.getDescriptor(),
          io.opentelemetry.proto.trace.v1.TraceProto.getDescriptor(),
          io.opentelemetry.proto.metrics.v1.MetricsProto.getDescriptor(),
          io.opentelemetry.proto.logs.v1.LogsProto.getDescriptor(),
          io.opentelemetry.proto.profiles.v1development.ProfilesProto.getDescriptor(),
          io.opentelemetry.proto.collector.trace.v1.TraceServiceProto.getDescriptor(),
          io.opentelemetry.proto.collector.metrics.v1.MetricsServiceProto.getDescriptor(),
          io.opentelemetry.proto.collector.logs.v1.LogsServiceProto.getDescriptor(),
          io.opentelemetry.proto.collector.profiles.v1development.ProfilesServiceProto.getDescriptor(),
          dev.protodec.conformance.proto2.AllTypesProto2.getDescriptor(),
          dev.protodec.conformance.proto3.AllTypesProto3.getDescriptor());

  /** protoc's descriptor set of src/test/proto with source info, written by protobuf-maven-plugin. */
  static FileDescriptorSet protocSet() throws Exception {
    String path = System.getProperty("conformance.descriptorSet");
    assertNotNull(path, "surefire sets conformance.descriptorSet");
    return FileDescriptorSet.parseFrom(Files.readAllBytes(Path.of(path)));
  }

  /**
   * protodec's own descriptor set (writeDescriptorSet): src/test/proto, descriptor.proto and the OTLP
   * files, with source info.
   */
  static FileDescriptorSet protodecSet() throws Exception {
    try (InputStream in =
        DescriptorCorpusTest.class.getResourceAsStream(
            "/META-INF/protodec/protodec-conformance-tests-test.desc")) {
      assertNotNull(in, "the protodec plugin wrote its descriptor set (writeDescriptorSet)");
      return FileDescriptorSet.parseFrom(in);
    }
  }

  static Stream<Arguments> corpus() throws Exception {
    Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
    for (FileDescriptor file : COMPILED_IN) {
      files.put("compiled-in " + file.getName(), file.toProto());
    }
    for (FileDescriptorProto file : protocSet().getFileList()) {
      files.put("protoc set " + file.getName(), file);
    }
    for (FileDescriptorProto file : protodecSet().getFileList()) {
      files.put("protodec set " + file.getName(), file);
    }
    List<Arguments> arguments = new ArrayList<>();
    files.forEach((name, file) -> arguments.add(Arguments.of(name, file)));
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void fileDescriptorRoundTrips(String name, FileDescriptorProto file) throws Exception {
    ProtoMessage<?> fast = RoundTrip.check(file);
    assertEquals(file.getSerializedSize(), fast.getSerializedSize());
  }

  @Test
  void descriptorSetsRoundTripWhole() throws Exception {
    FileDescriptorSet protoc = protocSet();
    FileDescriptorSet protodec = protodecSet();
    assertTrue(protoc.getFileCount() >= 2, "protoc's set has the test schemas");
    // the test schemas, descriptor.proto and five OTLP files
    assertTrue(protodec.getFileCount() >= 8, "protodec's set has every generated file: "
        + protodec.getFileList().stream().map(FileDescriptorProto::getName).toList());
    assertTrue(protoc.getFile(0).hasSourceCodeInfo(), "the corpus includes source info");
    RoundTrip.check(protoc);
    RoundTrip.check(protodec);

    FileDescriptorSet.Builder everything = FileDescriptorSet.newBuilder();
    COMPILED_IN.forEach(file -> everything.addFile(file.toProto()));
    everything.addAllFile(protoc.getFileList()).addAllFile(protodec.getFileList());
    RoundTrip.check(everything.build());
  }
}
