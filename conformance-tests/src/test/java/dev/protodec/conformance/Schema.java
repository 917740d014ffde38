package dev.protodec.conformance;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Message;
import dev.protodec.conformance.editions2023.Editions2023;
import dev.protodec.conformance.editions2024.Editions2024;
import dev.protodec.conformance.proto2.AllTypesProto2.AllTypes2;
import dev.protodec.conformance.proto2.AllTypesProto2.AllTypes2Reduced;
import dev.protodec.conformance.proto3.AllTypes3;
import dev.protodec.conformance.proto3.AllTypes3Reduced;
import dev.protodec.conformance.proto3.Node;
import dev.protodec.conformance.wellknown.WellKnownFields;
import io.opentelemetry.proto.logs.v1.LogsData;
import io.opentelemetry.proto.metrics.v1.MetricsData;
import io.opentelemetry.proto.trace.v1.TracesData;

/** The top-level message types the differential tests run over, each with how to fill it randomly. */
enum Schema {
  PROTO3_ALL_TYPES(AllTypes3.getDefaultInstance(), RandomFiller.Options.full()),
  PROTO2_ALL_TYPES(AllTypes2.getDefaultInstance(), RandomFiller.Options.full()),
  PROTO3_NODE(Node.getDefaultInstance(), RandomFiller.Options.deep().withMaxDepth(12)),
  DESCRIPTOR_FILE(FileDescriptorProto.getDefaultInstance(), RandomFiller.Options.deep()),
  DESCRIPTOR_SET(FileDescriptorSet.getDefaultInstance(), RandomFiller.Options.deep()),
  OTLP_TRACES(TracesData.getDefaultInstance(), RandomFiller.Options.deep()),
  OTLP_METRICS(MetricsData.getDefaultInstance(), RandomFiller.Options.deep()),
  OTLP_LOGS(LogsData.getDefaultInstance(), RandomFiller.Options.deep()),
  WELL_KNOWN_TYPES(WellKnownFields.getDefaultInstance(), RandomFiller.Options.deep()),
  EDITIONS_2023(Editions2023.getDefaultInstance(), RandomFiller.Options.full()),
  EDITIONS_2024(Editions2024.getDefaultInstance(), RandomFiller.Options.full());

  final Message prototype;
  final RandomFiller.Options options;

  Schema(Message prototype, RandomFiller.Options options) {
    this.prototype = prototype;
    this.options = options;
  }

  /** A fixed seed per schema, so that every run checks the same messages. */
  long seed() {
    return 0x5EED_0000L + ordinal() * 1_000_003L;
  }

  /** Pairs of a full type and its reduced variant (same numbers, fields removed). */
  static Message[][] reducedPairs() {
    return new Message[][] {
      {AllTypes3.getDefaultInstance(), AllTypes3Reduced.getDefaultInstance()},
      {AllTypes2.getDefaultInstance(), AllTypes2Reduced.getDefaultInstance()},
    };
  }
}
