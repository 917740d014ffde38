package dev.protodec.reflective;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;

/**
 * What a careful user of {@link DynamicMessage} writes: descriptors looked up once, by name, with a
 * clear error for a misspelt name, then messages parsed and read through those descriptors only.
 *
 * <pre>{@code
 * // once
 * Descriptor order = schema.messageType("shop.v1.Order");
 * FieldDescriptor id = DynamicMessages.field(order, "id", JavaType.INT);
 * // per message
 * DynamicMessage message = DynamicMessages.parse(order, bytes);
 * int value = DynamicMessages.intValue(message, id);
 * }</pre>
 *
 * <p>The accessors are thin, typed views of {@link MessageOrBuilder#getField} and friends (which box
 * scalars); they add no look-up and no copy. Unset fields read as their defaults, as in protobuf-java.
 */
public final class DynamicMessages {
  private DynamicMessages() {}

  // ---------------------------------------------------------------------------------------------
  // Look-ups: once, before the first message

  /**
   * The field of {@code type} with this {@code .proto} name.
   *
   * @throws SchemaException listing the type's fields if it has none of that name
   */
  public static FieldDescriptor field(Descriptor type, String name) {
    FieldDescriptor field = type.findFieldByName(name);
    if (field == null) {
      throw SchemaException.unknownField(type, name);
    }
    return field;
  }

  /**
   * Like {@link #field(Descriptor, String)}, and checks that the field holds {@code javaType}, so a
   * schema that changed under the caller fails at look-up rather than with a cast on the first message.
   */
  public static FieldDescriptor field(Descriptor type, String name, JavaType javaType) {
    FieldDescriptor field = field(type, name);
    if (field.getJavaType() != javaType) {
      throw SchemaException.wrongFieldType(field, javaType);
    }
    return field;
  }

  /**
   * The oneof of {@code type} with this name (a real oneof, not the synthetic one of a proto3
   * {@code optional} field).
   *
   * @throws SchemaException listing the type's oneofs if it has none of that name
   */
  public static OneofDescriptor oneof(Descriptor type, String name) {
    for (OneofDescriptor oneof : type.getRealOneofs()) {
      if (oneof.getName().equals(name)) {
        return oneof;
      }
    }
    throw SchemaException.unknownOneof(type, name);
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /** Parses a whole array as one {@code type} message. */
  public static DynamicMessage parse(Descriptor type, byte[] data) throws InvalidProtocolBufferException {
    return DynamicMessage.parseFrom(type, data);
  }

  /** Parses {@code length} bytes of {@code data} from {@code offset} as one {@code type} message. */
  public static DynamicMessage parse(Descriptor type, byte[] data, int offset, int length)
      throws IOException {
    return DynamicMessage.parseFrom(type, CodedInputStream.newInstance(data, offset, length));
  }

  /** Parses the rest of {@code input} as one {@code type} message. */
  public static DynamicMessage parse(Descriptor type, CodedInputStream input) throws IOException {
    return DynamicMessage.parseFrom(type, input);
  }

  // ---------------------------------------------------------------------------------------------
  // Typed access

  /** An {@code int32}, {@code uint32}, {@code sint32}, {@code fixed32} or {@code sfixed32} field. */
  public static int intValue(MessageOrBuilder message, FieldDescriptor field) {
    return (Integer) message.getField(field);
  }

  /** An {@code int64}, {@code uint64}, {@code sint64}, {@code fixed64} or {@code sfixed64} field. */
  public static long longValue(MessageOrBuilder message, FieldDescriptor field) {
    return (Long) message.getField(field);
  }

  public static boolean boolValue(MessageOrBuilder message, FieldDescriptor field) {
    return (Boolean) message.getField(field);
  }

  public static float floatValue(MessageOrBuilder message, FieldDescriptor field) {
    return (Float) message.getField(field);
  }

  public static double doubleValue(MessageOrBuilder message, FieldDescriptor field) {
    return (Double) message.getField(field);
  }

  /** A {@code string} field ({@link DynamicMessage} decodes strings when it parses them). */
  public static String stringValue(MessageOrBuilder message, FieldDescriptor field) {
    return (String) message.getField(field);
  }

  public static ByteString bytesValue(MessageOrBuilder message, FieldDescriptor field) {
    return (ByteString) message.getField(field);
  }

  /** An enum field's number, also for numbers the enum does not declare. */
  public static int enumNumber(MessageOrBuilder message, FieldDescriptor field) {
    return ((EnumValueDescriptor) message.getField(field)).getNumber();
  }

  /** A message field: the default instance of its type when unset. */
  public static Message messageValue(MessageOrBuilder message, FieldDescriptor field) {
    return (Message) message.getField(field);
  }

  /** Whether a field with presence (a message, a oneof member, an {@code optional} scalar) is set. */
  public static boolean has(MessageOrBuilder message, FieldDescriptor field) {
    return message.hasField(field);
  }

  /** The number of elements of a repeated field. */
  public static int count(MessageOrBuilder message, FieldDescriptor field) {
    return message.getRepeatedFieldCount(field);
  }

  public static int intElement(MessageOrBuilder message, FieldDescriptor field, int index) {
    return (Integer) message.getRepeatedField(field, index);
  }

  public static String stringElement(MessageOrBuilder message, FieldDescriptor field, int index) {
    return (String) message.getRepeatedField(field, index);
  }

  public static ByteString bytesElement(MessageOrBuilder message, FieldDescriptor field, int index) {
    return (ByteString) message.getRepeatedField(field, index);
  }

  public static Message messageElement(MessageOrBuilder message, FieldDescriptor field, int index) {
    return (Message) message.getRepeatedField(field, index);
  }

  /** The number of the oneof's member that is set, or 0 if none is. */
  public static int oneofCase(MessageOrBuilder message, OneofDescriptor oneof) {
    FieldDescriptor set = message.getOneofFieldDescriptor(oneof);
    return set == null ? 0 : set.getNumber();
  }
}
