package dev.protodec.conformance;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.util.List;
import java.util.Random;

/**
 * Fills protobuf-java messages with random values, driven by their descriptors: every field kind,
 * random lengths, nested messages to a bounded depth, unicode strings with surrogate pairs, every enum
 * value (and unknown numbers for open enums), extreme numbers (0, -1, MIN, MAX, NaN, -0.0, ...),
 * oneofs, maps, and optionally unknown fields. Required fields are always set, so the messages are
 * initialized. Deterministic for a seed.
 */
final class RandomFiller {
  /**
   * What to generate.
   *
   * @param maxDepth nesting limit of messages
   * @param messageBudget at most this many nested messages per top-level message
   * @param nestPercent chance (in percent) of filling a message field at depth 0
   * @param nestDecay how much that chance drops per level of depth
   * @param fieldPercent chance (in percent) of setting an optional field or filling a repeated one
   */
  record Options(int maxDepth, int messageBudget, int nestPercent, int nestDecay, int fieldPercent,
      boolean maps, boolean unknownFields, boolean unknownEnumNumbers) {
    /** For the all-features schemas: recursive types, so nesting thins out quickly. */
    static Options full() {
      return new Options(4, 40, 60, 15, 60, true, true, true);
    }

    /** For deep, non-recursive schemas (OTLP, descriptors): nest freely up to a budget. */
    static Options deep() {
      return new Options(8, 80, 95, 7, 60, true, true, true);
    }

    Options withoutMaps() {
      return new Options(maxDepth, messageBudget, nestPercent, nestDecay, fieldPercent, false, unknownFields,
          unknownEnumNumbers);
    }

    Options withoutUnknownFields() {
      return new Options(maxDepth, messageBudget, nestPercent, nestDecay, fieldPercent, maps, false,
          unknownEnumNumbers);
    }

    Options withMaxDepth(int depth) {
      return new Options(depth, messageBudget, nestPercent, nestDecay, fieldPercent, maps, unknownFields,
          unknownEnumNumbers);
    }

    /** Sparse messages: few fields set, for small inputs. */
    Options withFieldPercent(int percent) {
      return new Options(maxDepth, messageBudget, nestPercent, nestDecay, percent, maps,
          unknownFields, unknownEnumNumbers);
    }

    Options withMessageBudget(int budget) {
      return new Options(maxDepth, budget, nestPercent, nestDecay, fieldPercent, maps, unknownFields,
          unknownEnumNumbers);
    }
  }

  private final Random random;
  private final Options options;
  private int budget;

  RandomFiller(long seed, Options options) {
    this.random = new Random(seed);
    this.options = options;
  }

  /**
   * A new random message of {@code prototype}'s type; tries a few times to make it non-empty (types
   * with a single repeated field, like OTLP's TracesData, are often empty on a first try).
   */
  @SuppressWarnings("unchecked")
  <M extends Message> M next(M prototype) {
    Message message = null;
    for (int attempt = 0; attempt < 4 && (message == null || message.getSerializedSize() == 0);
        attempt++) {
      budget = options.messageBudget();
      Message.Builder builder = prototype.newBuilderForType();
      fill(builder, 0);
      message = builder.build();
    }
    return (M) message;
  }

  Random random() {
    return random;
  }

  private void fill(Message.Builder builder, int depth) {
    Descriptor type = builder.getDescriptorForType();
    for (FieldDescriptor field : type.getFields()) {
      if (field.getRealContainingOneof() != null) {
        continue;
      }
      if (field.isRequired()) {
        builder.setField(field, value(builder, field, depth));
      } else if (field.isMapField()) {
        if (options.maps() && random.nextInt(100) < options.fieldPercent() / 2) {
          fillMap(builder, field, depth);
        }
      } else if (field.isRepeated()) {
        if (isMessage(field) && !mayNest(depth)) {
          continue;
        }
        int count = repeatedCount(field, depth);
        for (int i = 0; i < count; i++) {
          builder.addRepeatedField(field, value(builder, field, depth));
        }
      } else if (random.nextInt(100) < options.fieldPercent()) {
        if (isMessage(field) && !mayNest(depth)) {
          continue;
        }
        builder.setField(field, value(builder, field, depth));
      }
    }
    for (OneofDescriptor oneof : type.getRealOneofs()) {
      if (random.nextInt(4) == 0) {
        continue;
      }
      FieldDescriptor member = oneof.getField(random.nextInt(oneof.getFieldCount()));
      if (isMessage(member) && !mayNest(depth)) {
        continue;
      }
      builder.setField(member, value(builder, member, depth));
    }
    if (options.unknownFields() && random.nextInt(4) == 0) {
      builder.setUnknownFields(unknownFields(type, 0));
    }
  }

  private boolean mayNest(int depth) {
    if (depth >= options.maxDepth() || budget <= 0) {
      return false;
    }
    // fewer nested messages the deeper we are
    return random.nextInt(100) < Math.max(10, options.nestPercent() - depth * options.nestDecay());
  }

  private static boolean isMessage(FieldDescriptor field) {
    return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE;
  }

  private int repeatedCount(FieldDescriptor field, int depth) {
    if (random.nextInt(100) >= options.fieldPercent()) {
      return 0;
    }
    int roll = 4 + random.nextInt(6);
    if (isMessage(field)) {
      return 1 + random.nextInt(depth == 0 ? 3 : 2);
    }
    return roll < 8 ? 1 + random.nextInt(3) : 4 + random.nextInt(20);
  }

  private void fillMap(Message.Builder builder, FieldDescriptor field, int depth) {
    Descriptor entryType = field.getMessageType();
    FieldDescriptor key = entryType.findFieldByNumber(1);
    FieldDescriptor value = entryType.findFieldByNumber(2);
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      if (isMessage(value) && !mayNest(depth)) {
        return;
      }
      Message.Builder entry = builder.newBuilderForField(field);
      entry.setField(key, value(entry, key, depth));
      entry.setField(value, value(entry, value, depth));
      builder.addRepeatedField(field, entry.build());
    }
  }

  /** A random value for {@code field}, as protobuf-java's reflection API takes it. */
  private Object value(Message.Builder owner, FieldDescriptor field, int depth) {
    return switch (field.getType()) {
      case DOUBLE -> randomDouble();
      case FLOAT -> randomFloat();
      case INT32, SINT32, SFIXED32, UINT32, FIXED32 -> randomInt();
      case INT64, SINT64, SFIXED64, UINT64, FIXED64 -> randomLong();
      case BOOL -> random.nextBoolean();
      case STRING -> randomString();
      case BYTES -> ByteString.copyFrom(randomBytes());
      case ENUM -> randomEnum(field.getEnumType());
      case MESSAGE, GROUP -> {
        budget--;
        Message.Builder nested = owner.newBuilderForField(field);
        fill(nested, depth + 1);
        yield nested.build();
      }
    };
  }

  private EnumValueDescriptor randomEnum(EnumDescriptor type) {
    List<EnumValueDescriptor> values = type.getValues();
    if (!type.isClosed() && options.unknownEnumNumbers() && random.nextInt(8) == 0) {
      int number;
      do {
        number = random.nextBoolean() ? random.nextInt(1000) - 500 : random.nextInt();
      } while (type.findValueByNumber(number) != null);
      return type.findValueByNumberCreatingIfUnknown(number);
    }
    return values.get(random.nextInt(values.size()));
  }

  int randomInt() {
    return switch (random.nextInt(12)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> 1;
      case 3 -> Integer.MIN_VALUE;
      case 4 -> Integer.MAX_VALUE;
      case 5 -> 127 + random.nextInt(3);       // around the one-byte varint boundary
      case 6 -> 16383 + random.nextInt(3);     // around the two-byte boundary
      case 7 -> -random.nextInt(300);
      case 8, 9 -> random.nextInt(1000);
      default -> random.nextInt();
    };
  }

  long randomLong() {
    return switch (random.nextInt(12)) {
      case 0 -> 0L;
      case 1 -> -1L;
      case 2 -> 1L;
      case 3 -> Long.MIN_VALUE;
      case 4 -> Long.MAX_VALUE;
      case 5 -> Integer.MAX_VALUE + (long) random.nextInt(3);
      case 6 -> Integer.MIN_VALUE - (long) random.nextInt(3);
      case 7 -> 1L << random.nextInt(64);
      case 8, 9 -> random.nextInt(100000);
      default -> random.nextLong();
    };
  }

  private float randomFloat() {
    return switch (random.nextInt(14)) {
      case 0 -> 0f;
      case 1 -> -0f;
      case 2 -> Float.NaN;
      case 3 -> Float.POSITIVE_INFINITY;
      case 4 -> Float.NEGATIVE_INFINITY;
      case 5 -> Float.MIN_VALUE;
      case 6 -> Float.MAX_VALUE;
      case 7 -> -Float.MAX_VALUE;
      case 8 -> Float.MIN_NORMAL;
      case 9 -> -1f;
      default -> (random.nextFloat() - 0.5f) * (float) Math.pow(10, random.nextInt(20) - 10);
    };
  }

  private double randomDouble() {
    return switch (random.nextInt(14)) {
      case 0 -> 0d;
      case 1 -> -0d;
      case 2 -> Double.NaN;
      case 3 -> Double.POSITIVE_INFINITY;
      case 4 -> Double.NEGATIVE_INFINITY;
      case 5 -> Double.MIN_VALUE;
      case 6 -> Double.MAX_VALUE;
      case 7 -> -Double.MAX_VALUE;
      case 8 -> Double.MIN_NORMAL;
      case 9 -> -1d;
      default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(200) - 100);
    };
  }

  /** Random text: ASCII (with NUL), 2- and 3-byte UTF-8, and supplementary code points (pairs). */
  String randomString() {
    int roll = random.nextInt(10);
    if (roll == 0) {
      return "";
    }
    int length = random.nextInt(roll < 4 ? 4 : 30);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int codePoint =
          switch (random.nextInt(6)) {
            case 0, 1 -> 0x20 + random.nextInt(0x5f);
            case 2 -> random.nextInt(0x80);
            case 3 -> 0x80 + random.nextInt(0x780);
            case 4 -> {
              int c;
              do {
                c = 0x800 + random.nextInt(0x10000 - 0x800);
              } while (c >= 0xD800 && c <= 0xDFFF);
              yield c;
            }
            default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
          };
      sb.appendCodePoint(codePoint);
    }
    return sb.toString();
  }

  byte[] randomBytes() {
    int roll = random.nextInt(10);
    byte[] bytes = new byte[roll == 0 ? 0 : random.nextInt(roll < 8 ? 8 : 64)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Fields that {@code type} does not declare, of every wire type, groups nested a little. */
  private UnknownFieldSet unknownFields(Descriptor type, int level) {
    UnknownFieldSet.Builder set = UnknownFieldSet.newBuilder();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      int number;
      do {
        number = 1 + random.nextInt(random.nextBoolean() ? 200 : 5000);
      } while (type != null && type.findFieldByNumber(number) != null);
      UnknownFieldSet.Field.Builder field = UnknownFieldSet.Field.newBuilder();
      switch (random.nextInt(level < 2 ? 5 : 4)) {
        case 0 -> field.addVarint(randomLong());
        case 1 -> field.addFixed32(randomInt());
        case 2 -> field.addFixed64(randomLong());
        case 3 -> field.addLengthDelimited(ByteString.copyFrom(randomBytes()));
        default -> field.addGroup(unknownFields(null, level + 1));
      }
      set.mergeField(number, field.build());
    }
    return set.build();
  }
}
