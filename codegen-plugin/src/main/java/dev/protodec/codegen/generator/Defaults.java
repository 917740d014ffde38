package dev.protodec.codegen.generator;

import com.palantir.javapoet.CodeBlock;
import dev.protodec.codegen.generator.GeneratorException;
import dev.protodec.codegen.model.EnumInfo;
import dev.protodec.codegen.model.FieldInfo;
import java.io.ByteArrayOutputStream;

/** Java literals for fields' default values (proto2 {@code [default = ...]} or the type's zero). */
final class Defaults {
  private Defaults() {}

  /** The default of a scalar or enum field as a Java expression of its storage type. */
  static CodeBlock scalar(FieldInfo field) throws GeneratorException {
    String text = field.defaultValue;
    try {
      return switch (field.kind) {
        case INT32, SINT32, SFIXED32 -> CodeBlock.of("$L", text == null ? 0 : Integer.parseInt(text));
        case UINT32, FIXED32 ->
            CodeBlock.of("$L", text == null ? 0 : Integer.parseUnsignedInt(text));
        case INT64, SINT64, SFIXED64 -> CodeBlock.of("$LL", text == null ? 0 : Long.parseLong(text));
        case UINT64, FIXED64 ->
            CodeBlock.of("$LL", text == null ? 0 : Long.parseUnsignedLong(text));
        case BOOL -> CodeBlock.of("$L", "true".equals(text));
        case FLOAT -> floatLiteral(text);
        case DOUBLE -> doubleLiteral(text);
        case ENUM -> enumNumber(field);
        default -> throw new IllegalStateException("not a scalar: " + field);
      };
    } catch (NumberFormatException e) {
      throw new GeneratorException("field " + field + ": default value '" + text + "' is not a number");
    }
  }

  private static CodeBlock floatLiteral(String text) {
    if (text == null) {
      return CodeBlock.of("0F");
    }
    return switch (text) {
      case "inf" -> CodeBlock.of("$T.POSITIVE_INFINITY", Float.class);
      case "-inf" -> CodeBlock.of("$T.NEGATIVE_INFINITY", Float.class);
      case "nan" -> CodeBlock.of("$T.NaN", Float.class);
      default -> CodeBlock.of("$LF", Float.toString(Float.parseFloat(text)));
    };
  }

  private static CodeBlock doubleLiteral(String text) {
    if (text == null) {
      return CodeBlock.of("0D");
    }
    return switch (text) {
      case "inf" -> CodeBlock.of("$T.POSITIVE_INFINITY", Double.class);
      case "-inf" -> CodeBlock.of("$T.NEGATIVE_INFINITY", Double.class);
      case "nan" -> CodeBlock.of("$T.NaN", Double.class);
      default -> CodeBlock.of("$LD", Double.toString(Double.parseDouble(text)));
    };
  }

  /** Enums are held as numbers: the named default, else the first value (proto3: 0). */
  private static CodeBlock enumNumber(FieldInfo field) {
    EnumInfo type = field.enumType();
    EnumInfo.Value value =
        field.defaultValue == null ? type.first() : type.constantFor(field.defaultValue);
    return CodeBlock.of("$L", value.number());
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

  /** A {@code byte[]} initializer: {@code {0x61, 0x00}}. */
  static CodeBlock bytesInitializer(byte[] bytes) {
    CodeBlock.Builder b = CodeBlock.builder().add("{");
    for (int i = 0; i < bytes.length; i++) {
      b.add(i == 0 ? "$L" : ", $L", bytes[i]);
    }
    return b.add("}").build();
  }
}
