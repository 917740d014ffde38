package dev.protodec.codegen.model;

import java.io.ByteArrayOutputStream;

/**
 * A field's default as a Java value of its storage type, parsed from protoc's {@code [default = ...]} text
 * once, here: {@code Integer} (int32 and the unsigned 32-bit kinds as their bits, enum numbers), {@code
 * Long}, {@code Float}, {@code Double}, {@code Boolean}, {@code String}, {@code byte[]}; null for
 * messages and groups.
 *
 * @param value the value
 * @param declared whether the schema declares it ({@code [default = ...]}) rather than it being the
 *     type's zero
 */
public record DefaultValue(Object value, boolean declared) {

  static DefaultValue of(MessageInfo message, FieldInfo field) throws ModelException {
    String text = field.defaultText;
    try {
      Object value = switch (field.kind) {
        case INT32, SINT32, SFIXED32 -> text == null ? 0 : Integer.parseInt(text);
        case UINT32, FIXED32 -> text == null ? 0 : Integer.parseUnsignedInt(text);
        case INT64, SINT64, SFIXED64 -> text == null ? 0L : Long.parseLong(text);
        case UINT64, FIXED64 -> text == null ? 0L : Long.parseUnsignedLong(text);
        case BOOL -> "true".equals(text);
        case FLOAT -> text == null ? 0F : switch (text) {
          case "inf" -> Float.POSITIVE_INFINITY;
          case "-inf" -> Float.NEGATIVE_INFINITY;
          case "nan" -> Float.NaN;
          default -> Float.parseFloat(text);
        };
        case DOUBLE -> text == null ? 0D : switch (text) {
          case "inf" -> Double.POSITIVE_INFINITY;
          case "-inf" -> Double.NEGATIVE_INFINITY;
          case "nan" -> Double.NaN;
          default -> Double.parseDouble(text);
        };
        case ENUM -> enumNumber(message, field);
        case STRING -> text == null ? "" : text;
        case BYTES -> text == null ? new byte[0] : unescapeBytes(text);
        case MESSAGE, GROUP -> null;
      };
      return new DefaultValue(value, text != null);
    } catch (NumberFormatException e) {
      throw new ModelException(message.fullName.substring(1) + "." + field.protoName + ": default value '"
          + text + "' is not a number");
    }
  }

  /** Enums are held as numbers: the named default, else the first value (proto3: 0). */
  private static int enumNumber(MessageInfo message, FieldInfo field) throws ModelException {
    EnumInfo type = field.enumType();
    if (field.defaultText == null) {
      return type.first().number();
    }
    EnumInfo.Value value = type.constantFor(field.defaultText);
    if (value == null) {
      throw new ModelException(message.fullName.substring(1) + "." + field.protoName + ": default '"
          + field.defaultText + "' is not a value of " + type.fullName.substring(1));
    }
    return value.number();
  }

  /** protoc writes bytes defaults C-escaped ({@code \000}, {@code \x1f}, {@code \n}); this undoes it. */
  static byte[] unescapeBytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.write(c);
        continue;
      }
      char e = text.charAt(++i);
      if (e >= '0' && e <= '7') {
        int value = e - '0';
        for (int n = 0; n < 2 && i + 1 < text.length() && isOctal(text.charAt(i + 1)); n++) {
          value = value * 8 + (text.charAt(++i) - '0');
        }
        out.write(value);
      } else if (e == 'x' || e == 'X') {
        int value = 0;
        for (int n = 0; n < 2 && i + 1 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0; n++) {
          value = value * 16 + Character.digit(text.charAt(++i), 16);
        }
        out.write(value);
      } else {
        out.write(switch (e) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          case 'a' -> 7;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'v' -> 11;
          default -> e; // \\ \' \" \?
        });
      }
    }
    return out.toByteArray();
  }

  private static boolean isOctal(char c) {
    return c >= '0' && c <= '7';
  }
}
