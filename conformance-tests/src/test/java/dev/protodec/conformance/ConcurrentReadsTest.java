package dev.protodec.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.Message;
import dev.protodec.runtime.ProtoMessage;
import dev.protodec.runtime.ProtoWriter;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Reads never write (docs/generated-api.md, "Reading from several threads"): once parsed, a message may
 * be read by any number of threads at once. Several threads call every getter and has-er (through
 * {@link Mirror}, checking each value against protobuf-java), {@code equals}, {@code hashCode}, {@code
 * toString}, {@code getSerializedSize} and {@code writeTo} on one message, each checking what it sees; and
 * afterwards the message's whole object graph, private storage included, is what it was before the reads
 * (but for the two documented caches: the remembered size and a string's decoded {@code String}). A
 * reused message (a rich parse, {@code clear()}, a sparse parse) is read the same way: its absent
 * fields' storage holds stale values that reads must neither see nor reset.
 */
class ConcurrentReadsTest {
  private static final int THREADS = 4;
  private static final int MESSAGES = 25;
  private static final int ROUNDS = 3;
  /** Caches that reads may fill: benign races over immutable values, documented as such. */
  private static final List<String> CACHES = List.of("ProtoMessage.cachedSize", "Utf8String.string");

  private static ExecutorService pool;

  @BeforeAll
  static void startThreads() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopThreads() {
    pool.shutdownNow();
  }

  @ParameterizedTest
  @EnumSource(Schema.class)
  void threadsReadingOneParsedMessageSeeTheSameValuesAndChangeNothing(Schema schema) throws Exception {
    RandomFiller filler = new RandomFiller(schema.seed() ^ 0x7EAD, schema.options);
    for (int i = 0; i < MESSAGES; i++) {
      Message original = filler.next(schema.prototype);
      readConcurrently(original, FastType.of(original).parseFrom(original.toByteArray()));
    }
  }

  @ParameterizedTest
  @EnumSource(Schema.class)
  void threadsReadingAReusedMessageSeeOnlyItsLastParse(Schema schema) throws Exception {
    RandomFiller rich = new RandomFiller(schema.seed() ^ 0x4E05, schema.options);
    RandomFiller sparse = new RandomFiller(schema.seed() ^ 0x5A45,
        schema.options.withFieldPercent(15));
    ProtoMessage<?> reused = FastType.of(schema.prototype).newInstance();
    for (int i = 0; i < MESSAGES; i++) {
      Message first = rich.next(schema.prototype);
      Message second = sparse.next(schema.prototype);
      reused.clear();
      reused.mergeFrom(first.toByteArray());
      reused.clear();
      reused.mergeFrom(second.toByteArray());
      readConcurrently(second, reused);
    }
  }

  private static void readConcurrently(Message expected, ProtoMessage<?> message) throws Exception {
    byte[] bytes = expected.toByteArray();
    ProtoMessage<?> twin = FastType.of(expected).parseFrom(bytes);
    int hash = twin.hashCode();
    String text = twin.toString();
    byte[] encoding = twin.toByteArray();
    String before = State.of(message);

    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> readers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      readers.add(pool.submit((Callable<Void>) () -> {
        start.await();
        ProtoWriter writer = ProtoWriter.newInstance(1);
        for (int round = 0; round < ROUNDS; round++) {
          Mirror.assertMirrors(expected, message);
          assertEquals(twin, message);
          assertEquals(hash, message.hashCode());
          assertEquals(text, message.toString());
          assertEquals(encoding.length, message.getSerializedSize());
          message.writeTo(writer.reset());
          assertArrayEquals(encoding, writer.toByteArray());
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> reader : readers) {
      reader.get();
    }
    String after = State.of(message);
    if (!before.equals(after)) {
      fail("reads changed the message " + expected.getDescriptorForType().getFullName() + ":\n"
          + State.firstDifference(before, after));
    }
  }

  /** The object graph below a message as text: every field of every protodec object, private ones too. */
  static final class State {
    private final StringBuilder out = new StringBuilder();
    private final Map<Object, Integer> seen = new IdentityHashMap<>();

    static String of(Object root) {
      State state = new State();
      state.append(root);
      return state.out.toString();
    }

    private void append(Object value) {
      if (value == null) {
        out.append("null");
        return;
      }
      Class<?> type = value.getClass();
      if (type == String.class || value instanceof Number || value instanceof Boolean
          || value instanceof Character || value instanceof Enum<?>) {
        out.append(value);
        return;
      }
      Integer id = seen.get(value);
      if (id != null) {
        out.append('#').append(id);
        return;
      }
      seen.put(value, seen.size());
      if (type.isArray()) {
        out.append('[');
        for (int i = 0, n = Array.getLength(value); i < n; i++) {
          append(Array.get(value, i));
          out.append(',');
        }
        out.append(']');
        return;
      }
      if (!type.getName().startsWith("dev.protodec.") || type.isSynthetic() || type.isHidden()) {
        out.append(type.getSimpleName()); // factories (lambdas) and the like: no state of the message
        return;
      }
      out.append(type.getSimpleName()).append("{\n");
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (Field field : c.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers())
              || CACHES.contains(c.getSimpleName() + "." + field.getName())) {
            continue;
          }
          field.setAccessible(true);
          out.append(field.getName()).append('=');
          try {
            append(field.get(value));
          } catch (IllegalAccessException e) {
            throw new AssertionError(e);
          }
          out.append('\n');
        }
      }
      out.append('}');
    }

    static String firstDifference(String before, String after) {
      String[] a = before.split("\n", -1);
      String[] b = after.split("\n", -1);
      for (int i = 0; i < Math.min(a.length, b.length); i++) {
        if (!a[i].equals(b[i])) {
          return "line " + i + ": before " + abbreviate(a[i]) + "\n        after  " + abbreviate(b[i]);
        }
      }
      return "lengths " + a.length + " vs " + b.length;
    }

    private static String abbreviate(String line) {
      return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
  }
}
