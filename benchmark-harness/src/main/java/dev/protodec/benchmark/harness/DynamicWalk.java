package dev.protodec.benchmark.harness;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * The walks of any protobuf-java {@link Message} through its descriptor: the {@code DynamicMessage}
 * contender's reads (reflective by nature), and the same sequence the generated walks push.
 */
public final class DynamicWalk {
  private DynamicWalk() {}

  /** Every field, recursively, every string as a {@code String}. */
  public static void deep(Message message, FieldSink sink) {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      String name = field.getName();
      if (field.isMapField()) {
        int count = message.getRepeatedFieldCount(field);
        sink.beginMap(name);
        for (int i = 0; i < count; i++) {
          sink.enter(name, i);
          deep((Message) message.getRepeatedField(field, i), sink);
          sink.exit();
        }
        sink.endMap();
      } else if (field.isRepeated()) {
        int count = message.getRepeatedFieldCount(field);
        for (int i = 0; i < count; i++) {
          element(field, message.getRepeatedField(field, i), i, sink);
        }
      } else if (!field.hasPresence() || message.hasField(field)) {
        element(field, message.getField(field), -1, sink);
      }
    }
  }

  /** The top-level fields only: scalars and enums, repeated counts, the presence of messages. */
  public static void light(Message message, FieldSink sink) {
    for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
      String name = field.getName();
      if (field.isRepeated()) {
        sink.value(name, message.getRepeatedFieldCount(field));
      } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        sink.value(name, message.hasField(field));
      } else if (!field.hasPresence() || message.hasField(field)) {
        scalar(field, message.getField(field), sink);
      }
    }
  }

  private static void element(FieldDescriptor field, Object value, int index, FieldSink sink) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      sink.enter(field.getName(), index);
      deep((Message) value, sink);
      sink.exit();
    } else {
      scalar(field, value, sink);
    }
  }

  private static void scalar(FieldDescriptor field, Object value, FieldSink sink) {
    String name = field.getName();
    switch (field.getJavaType()) {
      case INT, LONG -> sink.value(name, ((Number) value).longValue());
      case FLOAT, DOUBLE -> sink.value(name, ((Number) value).doubleValue());
      case BOOLEAN -> sink.value(name, (Boolean) value);
      case STRING -> sink.text(name, (String) value);
      case BYTE_STRING -> sink.bytes(name, (ByteString) value);
      case ENUM -> sink.value(name, ((EnumValueDescriptor) value).getNumber());
      default -> throw new IllegalStateException("not a scalar: " + field.getFullName());
    }
  }
}
