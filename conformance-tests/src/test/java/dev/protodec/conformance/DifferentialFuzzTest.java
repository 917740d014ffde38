package dev.protodec.conformance;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Message;
import dev.protodec.conformance.editions2023.Editions2023;
import dev.protodec.conformance.proto2.AllTypesProto2.AllTypes2;
import dev.protodec.conformance.proto3.AllTypes3;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.runtime.ProtoMessage;
import io.opentelemetry.proto.metrics.v1.MetricsData;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.Arrays;
import java.util.Map;

/**
 * Coverage-guided differential fuzzing (Jazzer): the same bytes go to protodec and protobuf-java for the
 * DNS, OTLP, descriptor and all-features schemas, which must reach the same verdict (protodec failing
 * only with an {@code InvalidProtobufException} at an offset inside the input); when both accept, the
 * same message (every field read back through protodec's accessors, protodec's re-encoding read back by
 * protobuf-java) and, where protobuf-java keeps the order (no map entries, no unknown fields), the same
 * bytes when encoded again. Known disagreements ({@link KnownDisagreement}) are allowed.
 *
 * <p>{@code mvn verify} replays the committed inputs under {@code
 * src/test/resources/dev/protodec/conformance/DifferentialFuzzTestInputs/<target>/} (seeds and every
 * finding). To fuzz one target for a set time (findings are written to that directory; the growing corpus
 * to {@code .cifuzz-corpus/}, not committed):
 *
 * <pre>JAZZER_FUZZ=1 mvn -B -o verify -pl conformance-tests -Dinvoker.skip=true \
 *     -Dtest='DifferentialFuzzTest#dns' -Djazzer.max_duration=10m '-Djazzer.instrument=dev.protodec.**'</pre>
 */
class DifferentialFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void dns(byte[] input) {
    check(DnsMessage.getDefaultInstance(), input);
  }

  @FuzzTest(maxDuration = "5m")
  void otlpTraces(byte[] input) {
    check(TracesData.getDefaultInstance(), input);
  }

  @FuzzTest(maxDuration = "5m")
  void otlpMetrics(byte[] input) {
    check(MetricsData.getDefaultInstance(), input);
  }

  @FuzzTest(maxDuration = "5m")
  void descriptors(byte[] input) {
    check(FileDescriptorSet.getDefaultInstance(), input);
  }

  @FuzzTest(maxDuration = "5m")
  void allTypesProto3(byte[] input) {
    check(AllTypes3.getDefaultInstance(), input);
  }

  @FuzzTest(maxDuration = "5m")
  void allTypesProto2(byte[] input) {
    check(AllTypes2.getDefaultInstance(), input);
  }

  @FuzzTest(maxDuration = "5m")
  void editions2023(byte[] input) {
    check(Editions2023.getDefaultInstance(), input);
  }

  private static void check(Message prototype, byte[] input) {
    FastType fast = FastType.of(prototype);
    Verdict.Result result = Verdict.judge(prototype, fast, input);
    Verdict.Disagreement d = result.disagreement();
    if (d != null) {
      if (KnownDisagreement.matching(prototype, d) != null) {
        return;
      }
      throw new AssertionError(d + " for input " + Hex.of(input));
    }
    if (result.bothAccepted()) {
      checkSameEncoding(prototype, fast, input);
    }
  }

  /** With no map entries and no unknown fields both sides write fields in number order: the same bytes. */
  private static void checkSameEncoding(Message prototype, FastType fast, byte[] input) {
    Message java;
    ProtoMessage<?> parsed;
    try {
      java = prototype.getParserForType().parseFrom(input);
      parsed = fast.parseFrom(input);
    } catch (Exception e) {
      throw new AssertionError("accepted once, rejected now: " + Hex.of(input), e);
    }
    if (RoundTrip.containsMapEntries(java) || hasUnknownFields(java)) {
      return;
    }
    byte[] javaBytes = java.toByteArray();
    byte[] fastBytes = parsed.toByteArray();
    if (!Arrays.equals(javaBytes, fastBytes)) {
      throw new AssertionError("re-encodings differ for input " + Hex.of(input) + "\nprotobuf-java "
          + Hex.of(javaBytes) + "\nprotodec      " + Hex.of(fastBytes));
    }
  }

  private static boolean hasUnknownFields(Message message) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      return true;
    }
    for (Map.Entry<com.google.protobuf.Descriptors.FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      if (e.getKey().getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (e.getKey().isRepeated()) {
        for (Object element : (Iterable<?>) e.getValue()) {
          if (hasUnknownFields((Message) element)) {
            return true;
          }
        }
      } else if (hasUnknownFields((Message) e.getValue())) {
        return true;
      }
    }
    return false;
  }
}
