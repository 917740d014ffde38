package dev.protodec.jmh.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic corpus of OTLP {@code TracesData} export batches, built with protobuf-java and encoded
 * by it (field numbers ascending). The same size and seed give the same bytes on every JDK: every draw
 * comes from one {@link Random}.
 *
 * <p>Shaped like what an SDK exports from a small service: one or two resources (service, host, SDK
 * attributes), one or two instrumentation scopes each, 2 to 12 spans per scope with 16-byte trace ids,
 * 8-byte span ids, a parent for all but roots, HTTP/DB/RPC names and attributes (strings, ints, a bool,
 * a double, now and then an array), 0 to 2 events (exceptions with a stack trace, or log-like events),
 * now and then a link with a {@code tracestate}, and a status (errors with a message).
 */
public final class OtlpCorpus {
  /** The seed of the default corpus. */
  public static final long DEFAULT_SEED = 20261123L;

  /** The size of the default corpus. */
  public static final int DEFAULT_SIZE = 200;

  private static final String[] SERVICES = {"checkout", "cart", "payments", "catalog", "frontend", "auth"};
  private static final String[] SCOPES = {
    "io.opentelemetry.instrumentation.netty-4.1", "io.opentelemetry.instrumentation.jdbc",
    "io.opentelemetry.instrumentation.grpc-1.6", "com.example.orders"
  };
  private static final String[] ROUTES = {
    "/api/v1/orders/{id}", "/api/v1/cart", "/api/v1/users/{id}/profile", "/health", "/api/v1/items",
    "/api/v2/search"
  };
  private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
  private static final String[] TABLES = {"orders", "order_items", "users", "inventory", "payments"};
  private static final String[] RPCS = {"GetItem", "ListItems", "Charge", "Refund", "Authorize"};

  private final long seed;
  private final List<TracesData> messages;
  private final byte[][] encoded;

  private OtlpCorpus(long seed, List<TracesData> messages, byte[][] encoded) {
    this.seed = seed;
    this.messages = Collections.unmodifiableList(messages);
    this.encoded = encoded;
  }

  /** {@value #DEFAULT_SIZE} messages from {@link #DEFAULT_SEED}. */
  public static OtlpCorpus generate() {
    return generate(DEFAULT_SIZE, DEFAULT_SEED);
  }

  public static OtlpCorpus generate(int size, long seed) {
    if (size < 1) {
      throw new IllegalArgumentException("a corpus needs at least one message, asked for " + size);
    }
    Random random = new Random(seed);
    List<TracesData> messages = new ArrayList<>(size);
    byte[][] encoded = new byte[size][];
    long clock = 1_763_900_000_000_000_000L; // 2025-11-23, in ns
    for (int i = 0; i < size; i++) {
      TracesData message = new Batch(random, clock).build();
      clock += 1_000_000_000L + random.nextInt(1_000_000_000);
      messages.add(message);
      encoded[i] = message.toByteArray();
    }
    return new OtlpCorpus(seed, messages, encoded);
  }

  public long seed() {
    return seed;
  }

  public int size() {
    return encoded.length;
  }

  /** The messages as protobuf-java built them (immutable). */
  public List<TracesData> messages() {
    return messages;
  }

  /** Every message, encoded: a new outer array holding the shared encodings, which must not be modified. */
  public byte[][] encoded() {
    return encoded.clone();
  }

  /** The largest encoding in the corpus. */
  public int maxMessageBytes() {
    int max = 0;
    for (byte[] bytes : encoded) {
      max = Math.max(max, bytes.length);
    }
    return max;
  }

  public long totalBytes() {
    long total = 0;
    for (byte[] bytes : encoded) {
      total += bytes.length;
    }
    return total;
  }

  /** One export batch: the draws for one {@code TracesData}. */
  private static final class Batch {
    private final Random random;
    private final long start;

    Batch(Random random, long start) {
      this.random = random;
      this.start = start;
    }

    TracesData build() {
      TracesData.Builder traces = TracesData.newBuilder();
      int resources = 1 + (random.nextInt(4) == 0 ? 1 : 0);
      for (int r = 0; r < resources; r++) {
        traces.addResourceSpans(resourceSpans());
      }
      return traces.build();
    }

    private ResourceSpans resourceSpans() {
      String service = pick(SERVICES);
      Resource.Builder resource = Resource.newBuilder()
          .addAttributes(string("service.name", service))
          .addAttributes(string("service.version", "1." + random.nextInt(20) + "." + random.nextInt(10)))
          .addAttributes(string("host.name", service + "-" + Integer.toHexString(random.nextInt()) + ".pod"))
          .addAttributes(integer("process.pid", 1 + random.nextInt(65_000)))
          .addAttributes(string("telemetry.sdk.language", "java"))
          .addAttributes(string("telemetry.sdk.version", "1.56.0"));
      ResourceSpans.Builder spans = ResourceSpans.newBuilder()
          .setResource(resource)
          .setSchemaUrl("https://opentelemetry.io/schemas/1.37.0");
      int scopes = 1 + random.nextInt(2);
      for (int s = 0; s < scopes; s++) {
        spans.addScopeSpans(scopeSpans());
      }
      return spans.build();
    }

    private ScopeSpans scopeSpans() {
      InstrumentationScope.Builder scope = InstrumentationScope.newBuilder()
          .setName(pick(SCOPES))
          .setVersion("2." + random.nextInt(20) + ".0-alpha");
      ScopeSpans.Builder spans = ScopeSpans.newBuilder().setScope(scope);
      if (random.nextBoolean()) {
        spans.setSchemaUrl("https://opentelemetry.io/schemas/1.24.0");
      }
      byte[] traceId = bytes(16);
      byte[] rootId = bytes(8);
      int count = 2 + random.nextInt(11);
      for (int i = 0; i < count; i++) {
        spans.addSpans(span(traceId, i == 0 ? rootId : bytes(8), i == 0 ? null : rootId));
      }
      return spans.build();
    }

    private Span span(byte[] traceId, byte[] spanId, byte[] parentId) {
      long begin = start + random.nextInt(500_000_000);
      Span.Builder span = Span.newBuilder()
          .setTraceId(ByteString.copyFrom(traceId))
          .setSpanId(ByteString.copyFrom(spanId))
          .setStartTimeUnixNano(begin)
          .setEndTimeUnixNano(begin + 10_000 + random.nextInt(80_000_000))
          .setFlags(0x100 | (random.nextInt(10) == 0 ? 0 : 1));
      if (parentId != null) {
        span.setParentSpanId(ByteString.copyFrom(parentId));
      }
      switch (random.nextInt(3)) {
        case 0 -> http(span);
        case 1 -> database(span);
        default -> rpc(span);
      }
      if (random.nextInt(8) == 0) {
        span.setTraceState("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
      }
      int events = random.nextInt(5) == 0 ? 1 + random.nextInt(2) : 0;
      for (int e = 0; e < events; e++) {
        span.addEvents(event(begin));
      }
      if (random.nextInt(10) == 0) {
        span.addLinks(Span.Link.newBuilder()
            .setTraceId(ByteString.copyFrom(bytes(16)))
            .setSpanId(ByteString.copyFrom(bytes(8)))
            .setTraceState("rojo=00f067aa0ba902b7")
            .addAttributes(string("messaging.operation", "process"))
            .setFlags(0x101));
      }
      if (random.nextInt(12) == 0) {
        span.setStatus(Status.newBuilder()
            .setCode(Status.StatusCode.STATUS_CODE_ERROR)
            .setMessage("upstream returned " + (500 + random.nextInt(4))));
      } else if (random.nextBoolean()) {
        span.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_OK));
      }
      if (random.nextInt(20) == 0) {
        span.setDroppedAttributesCount(1 + random.nextInt(5));
      }
      return span.build();
    }

    private void http(Span.Builder span) {
      String method = pick(METHODS);
      String route = pick(ROUTES);
      boolean server = random.nextBoolean();
      span.setName(method + " " + route)
          .setKind(server ? Span.SpanKind.SPAN_KIND_SERVER : Span.SpanKind.SPAN_KIND_CLIENT)
          .addAttributes(string("http.request.method", method))
          .addAttributes(string("url.path", route.replace("{id}", Integer.toString(random.nextInt(100_000)))))
          .addAttributes(integer("http.response.status_code", random.nextInt(10) == 0 ? 404 : 200))
          .addAttributes(string("network.protocol.version", random.nextBoolean() ? "1.1" : "2"))
          .addAttributes(integer("server.port", 8080));
      if (server) {
        span.addAttributes(string("user_agent.original",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"));
      }
      if (random.nextInt(6) == 0) {
        span.addAttributes(KeyValue.newBuilder().setKey("http.request.header.accept").setValue(AnyValue.newBuilder()
            .setArrayValue(ArrayValue.newBuilder()
                .addValues(AnyValue.newBuilder().setStringValue("application/json"))
                .addValues(AnyValue.newBuilder().setStringValue("text/plain")))));
      }
    }

    private void database(Span.Builder span) {
      String table = pick(TABLES);
      span.setName("SELECT shop." + table)
          .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
          .addAttributes(string("db.system.name", "postgresql"))
          .addAttributes(string("db.namespace", "shop"))
          .addAttributes(string("db.query.text",
              "SELECT id, status, total FROM " + table + " WHERE customer_id = ? AND created_at > ? LIMIT ?"))
          .addAttributes(integer("db.response.returned_rows", random.nextInt(200)))
          .addAttributes(KeyValue.newBuilder().setKey("db.client.pooled").setValue(
              AnyValue.newBuilder().setBoolValue(random.nextBoolean())));
    }

    private void rpc(Span.Builder span) {
      String method = pick(RPCS);
      span.setName("shop.v1.ItemService/" + method)
          .setKind(random.nextInt(4) == 0 ? Span.SpanKind.SPAN_KIND_INTERNAL : Span.SpanKind.SPAN_KIND_CLIENT)
          .addAttributes(string("rpc.system", "grpc"))
          .addAttributes(string("rpc.service", "shop.v1.ItemService"))
          .addAttributes(string("rpc.method", method))
          .addAttributes(integer("rpc.grpc.status_code", random.nextInt(15) == 0 ? 14 : 0))
          .addAttributes(KeyValue.newBuilder().setKey("rpc.client.duration_ms").setValue(
              AnyValue.newBuilder().setDoubleValue(Math.round(random.nextDouble() * 250_000) / 1000.0)));
    }

    private Span.Event event(long begin) {
      Span.Event.Builder event = Span.Event.newBuilder().setTimeUnixNano(begin + random.nextInt(5_000_000));
      if (random.nextBoolean()) {
        event.setName("exception")
            .addAttributes(string("exception.type", "java.net.SocketTimeoutException"))
            .addAttributes(string("exception.message", "Read timed out after " + random.nextInt(30) + " s"))
            .addAttributes(string("exception.stacktrace",
                "java.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead"
                    + "(NioSocketImpl.java:278)\n\tat java.base/sun.nio.ch.NioSocketImpl.implRead"
                    + "(NioSocketImpl.java:304)\n\tat com.example.orders.Client.fetch(Client.java:"
                    + (40 + random.nextInt(200)) + ")"));
      } else {
        event.setName("cache.miss")
            .addAttributes(string("cache.key", "item:" + random.nextInt(1_000_000)))
            .addAttributes(KeyValue.newBuilder().setKey("cache.key.hash").setValue(
                AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(bytes(8)))));
      }
      return event.build();
    }

    private KeyValue string(String key, String value) {
      return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }

    private KeyValue integer(String key, long value) {
      return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setIntValue(value)).build();
    }

    private byte[] bytes(int n) {
      byte[] bytes = new byte[n];
      random.nextBytes(bytes);
      return bytes;
    }

    private String pick(String[] choices) {
      return choices[random.nextInt(choices.length)];
    }
  }
}
