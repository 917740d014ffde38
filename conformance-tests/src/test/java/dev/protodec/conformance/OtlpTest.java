package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.LogsData;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.MetricsData;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * (e) OTLP, a real proto3 schema: hand-built traces, metrics and logs round-trip (random ones run in
 * {@link RandomRoundTripTest}); the same traces built through protodec's own setters encode to
 * protobuf-java's bytes; typed accessors read the expected values.
 */
class OtlpTest {
  static final byte[] TRACE_ID = HexFormat.of().parseHex("5b8efff798038103d269b633813fc60c");
  static final byte[] SPAN_ID = HexFormat.of().parseHex("eee19b7ec3c1b174");
  static final byte[] PARENT_ID = HexFormat.of().parseHex("eee19b7ec3c1b173");
  static final long START = 1_700_000_000_123_456_789L;

  static KeyValue attribute(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static AnyValue string(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  static Resource resource() {
    return Resource.newBuilder()
        .addAttributes(attribute("service.name", string("checkout")))
        .addAttributes(attribute("service.instance.id", string("🛒-7f3a")))
        .addAttributes(attribute("host.cpu.count", AnyValue.newBuilder().setIntValue(-1).build()))
        .setDroppedAttributesCount(3)
        .build();
  }

  static TracesData traces() {
    Span span =
        Span.newBuilder()
            .setTraceId(ByteString.copyFrom(TRACE_ID))
            .setSpanId(ByteString.copyFrom(SPAN_ID))
            .setParentSpanId(ByteString.copyFrom(PARENT_ID))
            .setTraceState("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
            .setFlags(0x301)
            .setName("GET /cart/{id}")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(START)
            .setEndTimeUnixNano(START + 1_234_567)
            .addAttributes(attribute("http.method", string("GET")))
            .addAttributes(attribute("http.status_code", AnyValue.newBuilder().setIntValue(200).build()))
            .addAttributes(attribute("retry", AnyValue.newBuilder().setBoolValue(true).build()))
            .addAttributes(attribute("ratio", AnyValue.newBuilder().setDoubleValue(-0.0).build()))
            .addAttributes(attribute("payload", AnyValue.newBuilder()
                .setBytesValue(ByteString.copyFrom(new byte[] {0, (byte) 0xff, 0x7f})).build()))
            .addAttributes(attribute("tags", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
                .addValues(string("a"))
                .addValues(AnyValue.newBuilder().setIntValue(Long.MIN_VALUE))
                .addValues(AnyValue.getDefaultInstance())).build()))
            .addAttributes(attribute("nested", AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
                .addValues(attribute("inner", string("ü")))
                .addValues(KeyValue.newBuilder().setKey("no value"))).build()))
            .addAttributes(KeyValue.newBuilder().setKey(""))
            .setDroppedAttributesCount(1)
            .addEvents(Span.Event.newBuilder()
                .setTimeUnixNano(START + 10)
                .setName("exception")
                .addAttributes(attribute("exception.message", string("boom\nline 2"))))
            .addEvents(Span.Event.newBuilder().setName("empty"))
            .addLinks(Span.Link.newBuilder()
                .setTraceId(ByteString.copyFrom(TRACE_ID))
                .setSpanId(ByteString.copyFrom(PARENT_ID))
                .setFlags(1)
                .addAttributes(attribute("link", string("yes"))))
            .setDroppedEventsCount(2)
            .setDroppedLinksCount(Integer.MAX_VALUE)
            .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("timeout"))
            .build();
    return TracesData.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder()
            .setResource(resource())
            .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0")
            .addScopeSpans(ScopeSpans.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("io.opentelemetry.http").setVersion("1.2.3"))
                .addSpans(span)
                .addSpans(Span.newBuilder().setName("child").setStatus(Status.getDefaultInstance()))))
        .addResourceSpans(ResourceSpans.getDefaultInstance())
        .build();
  }

  static MetricsData metrics() {
    NumberDataPoint intPoint = NumberDataPoint.newBuilder()
        .addAttributes(attribute("state", string("idle")))
        .setStartTimeUnixNano(START).setTimeUnixNano(START + 60_000_000_000L)
        .setAsInt(-42)
        .addExemplars(Exemplar.newBuilder()
            .addFilteredAttributes(attribute("user", string("u1")))
            .setTimeUnixNano(START + 5)
            .setAsDouble(Double.NaN)
            .setSpanId(ByteString.copyFrom(SPAN_ID))
            .setTraceId(ByteString.copyFrom(TRACE_ID)))
        .setFlags(1)
        .build();
    NumberDataPoint doublePoint = NumberDataPoint.newBuilder().setAsDouble(Double.NEGATIVE_INFINITY).build();
    NumberDataPoint zeroPoint = NumberDataPoint.newBuilder().setAsInt(0).build();  // oneof set to 0
    return MetricsData.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder()
            .setResource(resource())
            .addScopeMetrics(ScopeMetrics.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("meter"))
                .addMetrics(Metric.newBuilder().setName("cpu.usage").setUnit("1")
                    .setGauge(Gauge.newBuilder().addDataPoints(intPoint).addDataPoints(doublePoint)))
                .addMetrics(Metric.newBuilder().setName("requests").setDescription("Requests served")
                    .setSum(Sum.newBuilder().addDataPoints(zeroPoint)
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .setIsMonotonic(true)))
                .addMetrics(Metric.newBuilder().setName("latency").setUnit("ms")
                    .setHistogram(Histogram.newBuilder()
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                        .addDataPoints(HistogramDataPoint.newBuilder()
                            .setCount(10).setSum(0.0).setMin(-0.0).setMax(1e300)
                            .addBucketCounts(1).addBucketCounts(0).addBucketCounts(-1L)
                            .addExplicitBounds(0.5).addExplicitBounds(Double.MIN_VALUE))
                        .addDataPoints(HistogramDataPoint.getDefaultInstance())))
                .addMetrics(Metric.newBuilder().setName("size")
                    .setExponentialHistogram(ExponentialHistogram.newBuilder()
                        .addDataPoints(ExponentialHistogramDataPoint.newBuilder()
                            .setScale(-3).setZeroCount(7).setZeroThreshold(1e-9).setCount(99)
                            .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder()
                                .setOffset(-2).addBucketCounts(Long.MAX_VALUE).addBucketCounts(0))
                            .setNegative(ExponentialHistogramDataPoint.Buckets.getDefaultInstance()))))
                .addMetrics(Metric.newBuilder().setName("summary")
                    .setSummary(Summary.newBuilder().addDataPoints(SummaryDataPoint.newBuilder()
                        .setCount(3).setSum(6)
                        .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.5).setValue(2))
                        .addQuantileValues(SummaryDataPoint.ValueAtQuantile.getDefaultInstance()))))
                .addMetrics(Metric.newBuilder().setName("no data")
                    .addMetadata(attribute("k", string("v"))))))
        .build();
  }

  static LogsData logs() {
    return LogsData.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder()
            .setResource(resource())
            .addScopeLogs(ScopeLogs.newBuilder()
                .setScope(InstrumentationScope.newBuilder().setName("logger"))
                .addLogRecords(LogRecord.newBuilder()
                    .setTimeUnixNano(START).setObservedTimeUnixNano(START + 1)
                    .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_FATAL4)
                    .setSeverityText("FATAL")
                    .setBody(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
                        .addValues(attribute("msg", string("disk full: /var (100%)")))
                        .addValues(attribute("errno", AnyValue.newBuilder().setIntValue(28).build()))))
                    .addAttributes(attribute("thread", string("main")))
                    .setFlags(0xFF)
                    .setTraceId(ByteString.copyFrom(TRACE_ID))
                    .setSpanId(ByteString.copyFrom(SPAN_ID))
                    .setEventName("device.full"))
                .addLogRecords(LogRecord.newBuilder()
                    .setSeverityNumberValue(99)  // a number the open enum does not know
                    .setBody(string("🙂 plain text body")))))
        .build();
  }

  @Test
  void handBuiltTracesRoundTrip() throws Exception {
    TracesData traces = traces();
    var fast = (dev.protodec.conformance.otlp.trace.v1.TracesData) RoundTrip.check(traces);
    var span = fast.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertEquals("GET /cart/{id}", span.getName());
    assertArrayEquals(TRACE_ID, span.getTraceId().toByteArray());
    assertEquals(START, span.getStartTimeUnixNano());
    assertEquals(0x301, span.getFlags());
    assertEquals(dev.protodec.conformance.otlp.trace.v1.Span.SpanKind.SPAN_KIND_SERVER, span.getKind());
    assertEquals(8, span.getAttributesCount());
    assertEquals(Long.MIN_VALUE, span.getAttributes(5).getValue().getArrayValue().getValues(1).getIntValue());
    assertEquals("ü", span.getAttributes(6).getValue().getKvlistValue().getValues(0).getValue().getStringValue());
    assertFalse(span.getAttributes(6).getValue().getKvlistValue().getValues(1).hasValue());
    assertTrue(span.hasStatus());
    assertEquals(dev.protodec.conformance.otlp.trace.v1.Status.StatusCode.STATUS_CODE_ERROR,
        span.getStatus().getCode());
    assertEquals(0, fast.getResourceSpans(1).getSerializedSize());
  }

  @Test
  void handBuiltMetricsRoundTrip() throws Exception {
    var fast = (dev.protodec.conformance.otlp.metrics.v1.MetricsData) RoundTrip.check(metrics());
    var scope = fast.getResourceMetrics(0).getScopeMetrics(0);
    var gauge = scope.getMetrics(0);
    assertEquals(dev.protodec.conformance.otlp.metrics.v1.Metric.DataCase.GAUGE, gauge.getDataCase());
    assertEquals(-42, gauge.getGauge().getDataPoints(0).getAsInt());
    assertTrue(Double.isNaN(gauge.getGauge().getDataPoints(0).getExemplars(0).getAsDouble()));
    var zero = scope.getMetrics(1).getSum().getDataPoints(0);
    assertEquals(dev.protodec.conformance.otlp.metrics.v1.NumberDataPoint.ValueCase.AS_INT, zero.getValueCase());
    var histogram = scope.getMetrics(2).getHistogram().getDataPoints(0);
    assertTrue(histogram.hasSum());
    assertEquals(0.0, histogram.getSum());
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(histogram.getMin()));
    assertEquals(-1L, histogram.getBucketCounts(2));
    assertFalse(scope.getMetrics(2).getHistogram().getDataPoints(1).hasSum());
    assertEquals(-3, scope.getMetrics(3).getExponentialHistogram().getDataPoints(0).getScale());
    assertEquals(dev.protodec.conformance.otlp.metrics.v1.Metric.DataCase.DATA_NOT_SET,
        scope.getMetrics(5).getDataCase());
  }

  @Test
  void handBuiltLogsRoundTrip() throws Exception {
    var fast = (dev.protodec.conformance.otlp.logs.v1.LogsData) RoundTrip.check(logs());
    var records = fast.getResourceLogs(0).getScopeLogs(0);
    assertEquals(dev.protodec.conformance.otlp.logs.v1.SeverityNumber.SEVERITY_NUMBER_FATAL4,
        records.getLogRecords(0).getSeverityNumber());
    assertEquals("device.full", records.getLogRecords(0).getEventName());
    assertEquals(99, records.getLogRecords(1).getSeverityNumberValue());
    assertEquals(dev.protodec.conformance.otlp.logs.v1.SeverityNumber.UNRECOGNIZED,
        records.getLogRecords(1).getSeverityNumber());
  }

  /** The traces above, built through protodec's setters, encode to exactly protobuf-java's bytes. */
  @Test
  void tracesBuiltWithProtodecEncodeLikeProtobufJava() throws Exception {
    var traces = dev.protodec.conformance.otlp.trace.v1.TracesData.newInstance();
    var resourceSpans = traces.addResourceSpans();
    var resource = resourceSpans.mutableResource();
    resource.addAttributes().setKey("service.name").mutableValue().setStringValue("checkout");
    resource.addAttributes().setKey("service.instance.id").mutableValue().setStringValue("🛒-7f3a");
    resource.addAttributes().setKey("host.cpu.count").mutableValue().setIntValue(-1);
    resource.setDroppedAttributesCount(3);
    resourceSpans.setSchemaUrl("https://opentelemetry.io/schemas/1.24.0");
    var scopeSpans = resourceSpans.addScopeSpans();
    scopeSpans.mutableScope().setName("io.opentelemetry.http").setVersion("1.2.3");
    var span = scopeSpans.addSpans();
    span.setTraceId(TRACE_ID).setSpanId(SPAN_ID).setParentSpanId(PARENT_ID)
        .setTraceState("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE")
        .setFlags(0x301)
        .setName("GET /cart/{id}")
        .setKind(dev.protodec.conformance.otlp.trace.v1.Span.SpanKind.SPAN_KIND_SERVER)
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + 1_234_567);
    span.addAttributes().setKey("http.method").mutableValue().setStringValue("GET");
    span.addAttributes().setKey("http.status_code").mutableValue().setIntValue(200);
    span.addAttributes().setKey("retry").mutableValue().setBoolValue(true);
    span.addAttributes().setKey("ratio").mutableValue().setDoubleValue(-0.0);
    span.addAttributes().setKey("payload").mutableValue().setBytesValue(new byte[] {0, (byte) 0xff, 0x7f});
    var tags = span.addAttributes().setKey("tags").mutableValue().mutableArrayValue();
    tags.addValues().setStringValue("a");
    tags.addValues().setIntValue(Long.MIN_VALUE);
    tags.addValues();
    var nested = span.addAttributes().setKey("nested").mutableValue().mutableKvlistValue();
    nested.addValues().setKey("inner").mutableValue().setStringValue("ü");
    nested.addValues().setKey("no value");
    span.addAttributes().setKey("");
    span.setDroppedAttributesCount(1);
    var event = span.addEvents().setTimeUnixNano(START + 10).setName("exception");
    event.addAttributes().setKey("exception.message").mutableValue().setStringValue("boom\nline 2");
    span.addEvents().setName("empty");
    var link = span.addLinks().setTraceId(TRACE_ID).setSpanId(PARENT_ID).setFlags(1);
    link.addAttributes().setKey("link").mutableValue().setStringValue("yes");
    span.setDroppedEventsCount(2).setDroppedLinksCount(Integer.MAX_VALUE);
    span.mutableStatus()
        .setCode(dev.protodec.conformance.otlp.trace.v1.Status.StatusCode.STATUS_CODE_ERROR)
        .setMessage("timeout");
    scopeSpans.addSpans().setName("child").mutableStatus();
    traces.addResourceSpans();

    byte[] expected = traces().toByteArray();
    assertArrayEquals(expected, traces.toByteArray(),
        () -> "protobuf-java " + Hex.of(expected) + "\nprotodec      " + Hex.of(traces.toByteArray()));
    assertEquals(traces, dev.protodec.conformance.otlp.trace.v1.TracesData.parseFrom(expected));
  }
}
