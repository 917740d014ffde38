package dev.protodec.conformance;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/**
 * Writes plausible but unusual wire data for a message type, field by field from its descriptor:
 * fields repeated, out of order, with the wrong wire type, packed where unpacked is declared and the
 * other way round, enum numbers the enum does not know, map entries with missing or repeated keys,
 * oneof members following each other, nested messages merged twice, unknown fields and groups. Most of
 * it is valid, so both parsers accept it and the tests compare what they made of it.
 */
final class WireFuzzer {
  private final Random random;

  WireFuzzer(Random random) {
    this.random = random;
  }

  byte[] message(Descriptor type, int depth) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      int fields = random.nextInt(depth == 0 ? 12 : 5);
      List<FieldDescriptor> declared = type.getFields();
      for (int i = 0; i < fields; i++) {
        if (declared.isEmpty() || random.nextInt(10) == 0) {
          unknownField(out, depth);
        } else {
          field(out, declared.get(random.nextInt(declared.size())), depth);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void field(CodedOutputStream out, FieldDescriptor field, int depth) throws IOException {
    int number = field.getNumber();
    if (random.nextInt(12) == 0) {
      // the wrong wire type: protobuf-java keeps such a field as unknown
      anyValue(out, number, depth);
      return;
    }
    switch (field.getType()) {
      case MESSAGE -> {
        if (depth >= 3) {
          out.writeBytes(number, com.google.protobuf.ByteString.EMPTY);
        } else {
          out.writeByteArray(number, message(field.getMessageType(), depth + 1));
        }
      }
      case GROUP -> {
        out.writeTag(number, 3);
        if (depth < 3) {
          out.writeRawBytes(message(field.getMessageType(), depth + 1));
        }
        out.writeTag(number, 4);
      }
      case STRING, BYTES -> {
        byte[] value;
        if (field.getType() == FieldDescriptor.Type.STRING && random.nextInt(4) != 0) {
          value = text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
          value = new byte[random.nextInt(6)];
          random.nextBytes(value);
        }
        out.writeByteArray(number, value);
      }
      default -> {
        if (field.isRepeated() && field.isPackable() && random.nextBoolean()) {
          // packed, whatever the declaration says
          ByteArrayOutputStream packed = new ByteArrayOutputStream();
          CodedOutputStream p = CodedOutputStream.newInstance(packed);
          int count = random.nextInt(5);
          for (int i = 0; i < count; i++) {
            scalarNoTag(p, field);
          }
          p.flush();
          out.writeByteArray(number, packed.toByteArray());
        } else {
          out.writeTag(number, wireTypeOf(field));
          scalarNoTag(out, field);
        }
      }
    }
  }

  private static int wireTypeOf(FieldDescriptor field) {
    return switch (field.getType()) {
      case DOUBLE, FIXED64, SFIXED64 -> 1;
      case FLOAT, FIXED32, SFIXED32 -> 5;
      default -> 0;
    };
  }

  private void scalarNoTag(CodedOutputStream out, FieldDescriptor field) throws IOException {
    switch (wireTypeOf(field)) {
      case 1 -> out.writeFixed64NoTag(longValue());
      case 5 -> out.writeFixed32NoTag((int) longValue());
      default -> {
        if (field.getType() == FieldDescriptor.Type.ENUM && random.nextBoolean()) {
          // a declared number, or one the enum lacks
          var values = field.getEnumType().getValues();
          out.writeInt32NoTag(random.nextInt(4) == 0 ? random.nextInt(40) - 20
              : values.get(random.nextInt(values.size())).getNumber());
        } else {
          out.writeUInt64NoTag(longValue());
        }
      }
    }
  }

  private long longValue() {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> random.nextInt(300);
      case 3 -> Integer.MIN_VALUE;
      case 4 -> 1L << random.nextInt(64);
      default -> random.nextLong();
    };
  }

  private String text() {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      sb.appendCodePoint(random.nextBoolean() ? 'a' + random.nextInt(26) : 0x1F600 + random.nextInt(50));
    }
    return sb.toString();
  }

  private void unknownField(CodedOutputStream out, int depth) throws IOException {
    anyValue(out, 1000 + random.nextInt(50), depth);
  }

  private void anyValue(CodedOutputStream out, int number, int depth) throws IOException {
    switch (random.nextInt(depth < 3 ? 5 : 4)) {
      case 0 -> out.writeUInt64(number, longValue());
      case 1 -> out.writeFixed32(number, (int) longValue());
      case 2 -> out.writeFixed64(number, longValue());
      case 3 -> {
        byte[] value = new byte[random.nextInt(5)];
        random.nextBytes(value);
        out.writeByteArray(number, value);
      }
      default -> {
        out.writeTag(number, 3);
        int inner = random.nextInt(3);
        for (int i = 0; i < inner; i++) {
          anyValue(out, 1 + random.nextInt(2000), depth + 1);
        }
        out.writeTag(number, 4);
      }
    }
  }
}
