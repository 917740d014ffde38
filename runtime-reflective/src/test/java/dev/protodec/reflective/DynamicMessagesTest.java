package dev.protodec.reflective;

import static dev.protodec.reflective.TestSchemas.ORDER;
import static dev.protodec.reflective.TestSchemas.STRUCT;
import static dev.protodec.reflective.TestSchemas.TIMESTAMP;
import static dev.protodec.reflective.TestSchemas.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DynamicMessagesTest {
  private final ReflectiveSchema schema = ReflectiveSchema.of(set(TIMESTAMP, ORDER, STRUCT));
  private final Descriptor order = schema.messageType("test.shop.Order");
  private final Descriptor line = schema.messageType("test.shop.Order.Line");
  private final Descriptor timestamp = schema.messageType("google.protobuf.Timestamp");
  private final Descriptor value = schema.messageType("google.protobuf.Value");

  private final FieldDescriptor orderId = DynamicMessages.field(order, "id", JavaType.INT);
  private final FieldDescriptor orderPlaced = DynamicMessages.field(order, "placed", JavaType.MESSAGE);
  private final FieldDescriptor orderLines = DynamicMessages.field(order, "lines", JavaType.MESSAGE);
  private final FieldDescriptor orderToken = DynamicMessages.field(order, "token", JavaType.BYTE_STRING);
  private final FieldDescriptor lineSku = DynamicMessages.field(line, "sku", JavaType.STRING);
  private final FieldDescriptor lineQuantity = DynamicMessages.field(line, "quantity", JavaType.INT);
  private final FieldDescriptor seconds = DynamicMessages.field(timestamp, "seconds", JavaType.LONG);
  private final FieldDescriptor nanos = DynamicMessages.field(timestamp, "nanos", JavaType.INT);
  private final OneofDescriptor kind = DynamicMessages.oneof(value, "kind");

  /** An order encoded field by field, as any encoder would write it. */
  private byte[] encodedOrder() {
    DynamicMessage.Builder placed = DynamicMessage.newBuilder(timestamp)
        .setField(seconds, 1_795_000_000L)
        .setField(nanos, 250);
    return DynamicMessage.newBuilder(order)
        .setField(orderId, 0x8000_0001) // uint32 above 2^31: negative as a Java int
        .setField(orderPlaced, placed.build())
        .addRepeatedField(orderLines, DynamicMessage.newBuilder(line)
            .setField(lineSku, "tea-ü").setField(lineQuantity, 2).build())
        .addRepeatedField(orderLines, DynamicMessage.newBuilder(line).setField(lineSku, "cup").build())
        .setField(orderToken, ByteString.copyFrom(new byte[] {1, 2, (byte) 0xff}))
        .build()
        .toByteArray();
  }

  private static byte[] encode(Value.Builder value) {
    return value.build().toByteArray();
  }

  @Test
  void readsEveryKindOfFieldThroughDescriptorsLookedUpOnce() throws IOException {
    DynamicMessage message = DynamicMessages.parse(order, encodedOrder());

    assertEquals(0x8000_0001, DynamicMessages.intValue(message, orderId));
    assertTrue(DynamicMessages.has(message, orderPlaced));
    Message placed = DynamicMessages.messageValue(message, orderPlaced);
    assertEquals(1_795_000_000L, DynamicMessages.longValue(placed, seconds));
    assertEquals(250, DynamicMessages.intValue(placed, nanos));
    assertEquals(2, DynamicMessages.count(message, orderLines));
    Message first = DynamicMessages.messageElement(message, orderLines, 0);
    assertEquals("tea-ü", DynamicMessages.stringValue(first, lineSku));
    assertEquals(2, DynamicMessages.intValue(first, lineQuantity));
    Message second = DynamicMessages.messageElement(message, orderLines, 1);
    assertEquals("cup", DynamicMessages.stringValue(second, lineSku));
    assertEquals(0, DynamicMessages.intValue(second, lineQuantity), "unset proto3 scalar reads as 0");
    assertEquals(ByteString.copyFrom(new byte[] {1, 2, (byte) 0xff}),
        DynamicMessages.bytesValue(message, orderToken));
  }

  @Test
  void unsetMessageFieldIsAbsentAndReadsAsTheDefaultInstance() throws IOException {
    DynamicMessage message = DynamicMessages.parse(order, new byte[] {0x08, 0x07}); // id = 7

    assertEquals(7, DynamicMessages.intValue(message, orderId));
    assertFalse(DynamicMessages.has(message, orderPlaced));
    Message placed = DynamicMessages.messageValue(message, orderPlaced);
    assertEquals(0L, DynamicMessages.longValue(placed, seconds));
    assertEquals(0, DynamicMessages.count(message, orderLines));
    assertEquals(ByteString.EMPTY, DynamicMessages.bytesValue(message, orderToken));
  }

  @Test
  void parsesASliceOfAnArray() throws IOException {
    byte[] encoded = encodedOrder();
    byte[] padded = new byte[encoded.length + 10];
    Arrays.fill(padded, (byte) 0xff); // not a valid tag: the parser must stay inside the slice
    System.arraycopy(encoded, 0, padded, 3, encoded.length);

    DynamicMessage fromSlice = DynamicMessages.parse(order, padded, 3, encoded.length);
    assertEquals(DynamicMessages.parse(order, encoded), fromSlice);
    DynamicMessage fromStream = DynamicMessages.parse(order, CodedInputStream.newInstance(encoded));
    assertEquals(fromSlice, fromStream);
  }

  @Test
  void readsWhatProtobufJavasGeneratedClassesWrite() throws IOException {
    byte[] encoded =
        Timestamp.newBuilder().setSeconds(-62_135_596_800L).setNanos(999_999_999).build().toByteArray();

    DynamicMessage message = DynamicMessages.parse(timestamp, encoded);
    assertEquals(-62_135_596_800L, DynamicMessages.longValue(message, seconds));
    assertEquals(999_999_999, DynamicMessages.intValue(message, nanos));
  }

  @Test
  void oneofCaseIsTheSetMembersNumberOrZero() throws IOException {
    FieldDescriptor stringValue = DynamicMessages.field(value, "string_value", JavaType.STRING);
    FieldDescriptor nullValue = DynamicMessages.field(value, "null_value", JavaType.ENUM);
    FieldDescriptor listValue = DynamicMessages.field(value, "list_value", JavaType.MESSAGE);

    DynamicMessage text = DynamicMessages.parse(value, encode(Value.newBuilder().setStringValue("x")));
    assertEquals(3, DynamicMessages.oneofCase(text, kind));
    assertEquals("x", DynamicMessages.stringValue(text, stringValue));

    DynamicMessage unknownEnum = DynamicMessages.parse(value, encode(Value.newBuilder().setNullValueValue(5)));
    assertEquals(1, DynamicMessages.oneofCase(unknownEnum, kind));
    assertEquals(5, DynamicMessages.enumNumber(unknownEnum, nullValue), "open enums keep undeclared numbers");

    byte[] list = encode(
        Value.newBuilder().setListValue(ListValue.newBuilder().addValues(Value.newBuilder().setBoolValue(true))));
    DynamicMessage withList = DynamicMessages.parse(value, list);
    assertEquals(6, DynamicMessages.oneofCase(withList, kind));
    assertInstanceOf(DynamicMessage.class, DynamicMessages.messageValue(withList, listValue));

    assertEquals(0, DynamicMessages.oneofCase(DynamicMessages.parse(value, new byte[0]), kind));
  }

  @Test
  void truncatedInputIsRejected() {
    byte[] encoded = encodedOrder();
    byte[] truncated = Arrays.copyOf(encoded, encoded.length - 1);

    assertThrows(InvalidProtocolBufferException.class, () -> DynamicMessages.parse(order, truncated));
    assertThrows(InvalidProtocolBufferException.class,
        () -> DynamicMessages.parse(order, encoded, 0, encoded.length - 1));
  }

  @Test
  void unknownFieldNamesTheTypesFields() {
    SchemaException e = assertThrows(SchemaException.class, () -> DynamicMessages.field(order, "placedAt"));
    assertEquals("message test.shop.Order has no field placedAt (names are the .proto names, such as foo_bar)."
        + " Its fields: id, placed, lines, token.", e.getMessage());
  }

  @Test
  void fieldOfAnotherJavaTypeIsRejectedAtLookUp() {
    SchemaException e =
        assertThrows(SchemaException.class, () -> DynamicMessages.field(order, "lines", JavaType.STRING));
    assertEquals("field test.shop.Order.lines is repeated message (MESSAGE in Java), not STRING as the caller"
        + " expects.", e.getMessage());
  }

  @Test
  void unknownOneofNamesTheTypesOneofs() {
    SchemaException e = assertThrows(SchemaException.class, () -> DynamicMessages.oneof(value, "value"));
    assertEquals("message google.protobuf.Value has no oneof value. Its oneofs: kind.", e.getMessage());
    SchemaException none = assertThrows(SchemaException.class, () -> DynamicMessages.oneof(order, "kind"));
    assertEquals("message test.shop.Order has no oneof kind. Its oneofs: none.", none.getMessage());
  }
}
