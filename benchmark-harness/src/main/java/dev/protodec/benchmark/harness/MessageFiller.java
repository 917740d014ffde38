package dev.protodec.benchmark.harness;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Messages made from the schema alone, for a type without a corpus: every field kind filled (one member
 * of each oneof, chosen at random), repeated fields and maps {@code repeated} elements long, strings and
 * bytes {@code stringLength} long, recursion cut at {@code depth}. The same settings give the same bytes.
 */
public final class MessageFiller {
  /** How many messages and how big; {@link #toString} is the line the report prints. */
  public record Settings(int count, long seed, int repeated, int stringLength, int depth) {
    public static final Settings DEFAULT = new Settings(100, 42, 3, 12, 3);

    @Override
    public String toString() {
      return count + " messages, seed " + seed + ", " + repeated + " elements per repeated field or map, strings and"
          + " bytes of " + stringLength + ", nesting depth " + depth;
    }
  }

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzäöü€0123456789";

  private final Settings settings;
  private final Random random;

  public MessageFiller(Settings settings) {
    this.settings = settings;
    this.random = new Random(settings.seed());
  }

  public List<byte[]> fill(Descriptor type) {
    List<byte[]> messages = new ArrayList<>();
    for (int i = 0; i < settings.count(); i++) {
      messages.add(message(type, 0).toByteArray());
    }
    return messages;
  }

  private DynamicMessage message(Descriptor type, int depth) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
    for (OneofDescriptor oneof : type.getRealOneofs()) {
      List<FieldDescriptor> members = oneof.getFields();
      FieldDescriptor chosen = members.get(random.nextInt(members.size()));
      if (chosen.getJavaType() != FieldDescriptor.JavaType.MESSAGE || depth < settings.depth()) {
        builder.setField(chosen, value(chosen, depth));
      }
    }
    for (FieldDescriptor field : type.getFields()) {
      if (field.getRealContainingOneof() != null) {
        continue;
      }
      boolean nested = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField();
      if (nested && depth >= settings.depth()) {
        continue;
      }
      if (field.isRepeated()) {
        for (int i = 0; i < settings.repeated(); i++) {
          builder.addRepeatedField(field, field.isMapField() ? message(field.getMessageType(), depth) : value(field, depth));
        }
      } else {
        builder.setField(field, value(field, depth));
      }
    }
    return builder.build();
  }

  private Object value(FieldDescriptor field, int depth) {
    return switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> random.nextInt(2001) - 1000;
      case UINT32, FIXED32 -> random.nextInt(100_000);
      case INT64, SINT64, SFIXED64 -> random.nextLong() >> random.nextInt(64);
      case UINT64, FIXED64 -> random.nextLong() >>> random.nextInt(64);
      case FLOAT -> random.nextFloat() * 1000;
      case DOUBLE -> random.nextDouble() * 1e6;
      case BOOL -> random.nextBoolean();
      case STRING -> text();
      case BYTES -> bytes();
      case ENUM -> enumValue(field);
      case MESSAGE, GROUP -> message(field.getMessageType(), depth + 1);
    };
  }

  private EnumValueDescriptor enumValue(FieldDescriptor field) {
    List<EnumValueDescriptor> values = field.getEnumType().getValues();
    return values.get(random.nextInt(values.size()));
  }

  private String text() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < settings.stringLength(); i++) {
      out.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return out.toString();
  }

  private ByteString bytes() {
    byte[] bytes = new byte[settings.stringLength()];
    random.nextBytes(bytes);
    return ByteString.copyFrom(bytes);
  }
}
