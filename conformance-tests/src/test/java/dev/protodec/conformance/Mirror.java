package dev.protodec.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.protodec.runtime.ProtoBytes;
import dev.protodec.runtime.ProtoMessage;
import dev.protodec.runtime.RepeatedInt;
import dev.protodec.runtime.RepeatedObjects;
import dev.protodec.runtime.Utf8String;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compares a protobuf-java message with a protodec message field by field, through protodec's public
 * accessors as docs/generated-api.md names them, driven by protobuf-java's descriptors: getters,
 * has-ers, repeated counts and elements, enum numbers and constants, oneof cases, map contents and
 * unknown fields, recursively.
 *
 * <p>Differences are collected (with their path) rather than thrown at the first, so that a failure
 * shows everything that went wrong with one input.
 */
final class Mirror {
  private static final Set<String> RESERVED_STEMS =
      Set.of("Class", "SerializedSize", "CachedSize", "UnknownFields", "TypeName", "Initialized",
          "DefaultInstance");

  private static final Map<String, Method> METHODS = new ConcurrentHashMap<>();

  private final List<String> differences = new ArrayList<>();

  private Mirror() {}

  /** Asserts that {@code fast} holds exactly what {@code expected} holds. */
  static void assertMirrors(Message expected, ProtoMessage<?> fast) {
    List<String> differences = differences(expected, fast);
    if (!differences.isEmpty()) {
      throw new AssertionError(
          differences.size()
              + " difference(s) between protobuf-java and protodec ("
              + expected.getDescriptorForType().getFullName()
              + "):\n  "
              + String.join("\n  ", differences.subList(0, Math.min(30, differences.size()))));
    }
  }

  static List<String> differences(Message expected, ProtoMessage<?> fast) {
    Mirror mirror = new Mirror();
    mirror.compareMessage(expected, fast, "", false);
    return mirror.differences;
  }

  // ---------------------------------------------------------------------------------------------
  // Naming, per docs/generated-api.md

  /** protobuf-java's UnderscoresToCamelCase, which the docs follow. */
  static String camelCase(String name, boolean capitalizeFirst) {
    StringBuilder sb = new StringBuilder(name.length());
    boolean capNext = capitalizeFirst;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'a' && c <= 'z') {
        sb.append(capNext ? Character.toUpperCase(c) : c);
        capNext = false;
      } else if (c >= 'A' && c <= 'Z') {
        sb.append(i == 0 && !capitalizeFirst ? Character.toLowerCase(c) : c);
        capNext = false;
      } else if (c >= '0' && c <= '9') {
        sb.append(c);
        capNext = true;
      } else {
        capNext = true;
      }
    }
    return sb.toString();
  }

  /** The accessor stem of a field or oneof named {@code name}: {@code foo_bar} -> {@code FooBar}. */
  static String stem(String name) {
    String stem = camelCase(name, true);
    return RESERVED_STEMS.contains(stem) ? stem + "_" : stem;
  }

  /**
   * Finds {@code prefix + stem + suffix} on {@code type}, with the stem of docs/generated-api.md: from
   * the field's name, or for groups from the group's type name (as protobuf-java names them).
   */
  static Method accessor(Class<?> type, FieldDescriptor field, String prefix, String suffix,
      Class<?>... parameters) {
    String documented = isGroupLike(field) ? stem(field.getMessageType().getName()) : stem(field.getName());
    Method m = method(type, prefix + documented + suffix, parameters);
    if (m != null) {
      return m;
    }
    throw new AssertionError(
        type.getName() + " has no " + prefix + documented + suffix + Arrays.toString(parameters)
            + " for field " + field.getFullName());
  }

  /**
   * A proto2 group, or an editions delimited field shaped like one (named like its type in lower case,
   * the type declared beside it): protobuf-java names it after its type.
   */
  static boolean isGroupLike(FieldDescriptor field) {
    return field.getType() == FieldDescriptor.Type.GROUP
        && field.getName().equals(field.getMessageType().getName().toLowerCase(Locale.ROOT))
        && field.getMessageType().getContainingType() == field.getContainingType();
  }

  static Method method(Class<?> type, String name, Class<?>... parameters) {
    String key = type.getName() + "#" + name + Arrays.toString(parameters);
    Method found = METHODS.get(key);
    if (found == null) {
      try {
        found = type.getMethod(name, parameters);
      } catch (NoSuchMethodException e) {
        return null;
      }
      METHODS.put(key, found);
    }
    return found;
  }

  static Object call(Object target, Method method, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(method + " threw " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Comparison

  private void differ(String path, String what, Object expected, Object actual) {
    differences.add(
        (path.isEmpty() ? "<root>" : path) + ": " + what + ": protobuf-java " + show(expected)
            + ", protodec " + show(actual));
  }

  private static String show(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes " + Hex.of(bytes);
    }
    if (value instanceof String s) {
      return "\"" + s.codePoints().limit(60).collect(StringBuilder::new,
          (sb, cp) -> {
            if (cp < 0x20 || cp > 0x7e) {
              sb.append(String.format("\\u{%x}", cp));
            } else {
              sb.appendCodePoint(cp);
            }
          }, StringBuilder::append) + (s.length() > 60 ? "...\"" : "\"");
    }
    return String.valueOf(value);
  }

  private static String child(String path, FieldDescriptor field) {
    return path.isEmpty() ? field.getName() : path + "." + field.getName();
  }

  private void compareMessage(Message expected, ProtoMessage<?> fast, String path, boolean mapEntry) {
    Descriptor descriptor = expected.getDescriptorForType();
    if (!fast.getTypeName().equals(descriptor.getFullName()) && !mapEntry) {
      differ(path, "getTypeName()", descriptor.getFullName(), fast.getTypeName());
    }
    Class<?> type = fast.getClass();
    for (FieldDescriptor field : descriptor.getFields()) {
      String fieldPath = child(path, field);
      if (field.isMapField()) {
        compareMap(expected, fast, field, fieldPath);
      } else if (field.isRepeated()) {
        compareRepeated(expected, fast, field, fieldPath);
      } else {
        compareSingular(expected, fast, type, field, fieldPath, mapEntry);
      }
    }
    for (OneofDescriptor oneof : descriptor.getRealOneofs()) {
      FieldDescriptor set = expected.getOneofFieldDescriptor(oneof);
      Method getCase = method(type, "get" + stem(oneof.getName()) + "Case");
      if (getCase == null) {
        differences.add(path + ": " + type.getName() + " has no get" + stem(oneof.getName()) + "Case()");
        continue;
      }
      Object fastCase = call(fast, getCase);
      String expectedName =
          set == null
              ? oneof.getName().toUpperCase(Locale.ROOT) + "_NOT_SET"
              : set.getName().toUpperCase(Locale.ROOT);
      if (!(fastCase instanceof Enum<?> e) || !e.name().equals(expectedName)) {
        differ(path, "oneof " + oneof.getName() + " case", expectedName, fastCase);
      }
    }
    if (!mapEntry) {
      // protobuf-java drops unknown fields inside map entries (its MapEntry keeps none); protodec
      // keeps and re-writes them, which protobuf-java then drops again: not compared
      compareUnknownFields(expected.getUnknownFields(), fast.getUnknownFields(), path);
    }
  }

  private void compareUnknownFields(UnknownFieldSet expected, ProtoBytes fast, String path) {
    byte[] raw = fast.toByteArray();
    UnknownFieldSet actual;
    try {
      actual = UnknownFieldSet.parseFrom(raw);
    } catch (InvalidProtocolBufferException e) {
      differ(path, "unknown fields (protodec's are not valid fields: " + e.getMessage() + ")",
          expected, Hex.of(raw));
      return;
    }
    if (!actual.equals(expected)) {
      differ(path, "unknown fields", Hex.of(expected.toByteArray()), Hex.of(raw));
    }
  }

  private void compareSingular(Message expected, ProtoMessage<?> fast, Class<?> type,
      FieldDescriptor field, String path, boolean mapEntry) {
    boolean present = expected.hasField(field);
    if (field.hasPresence() && !mapEntry) {
      Object has = call(fast, accessor(type, field, "has", ""));
      if (!Boolean.valueOf(present).equals(has)) {
        differ(path, "has", present, has);
      }
    }
    Object value = call(fast, accessor(type, field, "get", ""));
    switch (field.getJavaType()) {
      case MESSAGE -> {
        if (!(value instanceof ProtoMessage<?> nested)) {
          differ(path, "getter type", "a message", value);
        } else if (present || mapEntry) {
          compareMessage((Message) expected.getField(field), nested, path, false);
        } else if (nested.getSerializedSize() != 0) {
          differ(path, "absent message's getter (should be empty)", "empty", nested);
        }
      }
      case STRING -> {
        compareValue(field, expected.getField(field), value, path);
        // the raw UTF-8 accessor: same bytes as protobuf-java's (for valid UTF-8)
        Object utf8 = call(fast, accessor(type, field, "get", "Utf8"));
        String text = (String) expected.getField(field);
        if (!(utf8 instanceof Utf8String u)) {
          differ(path, "Utf8 getter type", "Utf8String", utf8);
        } else if (text.indexOf('\uFFFD') < 0 && !Arrays.equals(text.getBytes(UTF_8), u.toUtf8Bytes())) {
          differ(path, "Utf8 bytes", text.getBytes(UTF_8), u.toUtf8Bytes());
        }
      }
      case ENUM -> {
        compareValue(field, expected.getField(field), value, path);
        Object number = call(fast, accessor(type, field, "get", "Value"));
        int expectedNumber = ((EnumValueDescriptor) expected.getField(field)).getNumber();
        if (!Integer.valueOf(expectedNumber).equals(number)) {
          differ(path, "enum number (getXValue)", expectedNumber, number);
        }
      }
      default -> compareValue(field, expected.getField(field), value, path);
    }
  }

  private void compareRepeated(Message expected, ProtoMessage<?> fast, FieldDescriptor field,
      String path) {
    Class<?> type = fast.getClass();
    int count = expected.getRepeatedFieldCount(field);
    Object fastCount = call(fast, accessor(type, field, "get", "Count"));
    if (!Integer.valueOf(count).equals(fastCount)) {
      differ(path, "count", count, fastCount);
      return;
    }
    Object list = call(fast, accessor(type, field, "get", "List"));
    Method get = accessor(type, field, "get", "", int.class);
    for (int i = 0; i < count; i++) {
      Object expectedValue = expected.getRepeatedField(field, i);
      String elementPath = path + "[" + i + "]";
      compareValue(field, expectedValue, call(fast, get, i), elementPath);
      if (field.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        // the documented container of repeated enums: numbers in a RepeatedInt
        int number = ((EnumValueDescriptor) expectedValue).getNumber();
        if (!(list instanceof RepeatedInt ints) || ints.get(i) != number) {
          differ(elementPath, "getXList() number", number, list);
        }
      }
    }
    int listSize = sizeOf(list);
    if (listSize != count) {
      differ(path, "getXList() size", count, listSize);
    }
  }

  private static int sizeOf(Object list) {
    if (list instanceof RepeatedObjects<?> objects) {
      return objects.size();
    }
    Method size = method(list.getClass(), "size");
    return size == null ? -1 : (Integer) call(list, size);
  }

  private void compareMap(Message expected, ProtoMessage<?> fast, FieldDescriptor field, String path) {
    Class<?> type = fast.getClass();
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);

    Map<Object, Message> expectedEntries = new LinkedHashMap<>();
    for (int i = 0; i < expected.getRepeatedFieldCount(field); i++) {
      Message entry = (Message) expected.getRepeatedField(field, i);
      expectedEntries.put(canonicalKey(entry.getField(keyField)), entry);
    }

    // the entries in wire order; later ones win, as in the map snapshot
    Object entries = call(fast, accessor(type, field, "get", "Entries"));
    Map<Object, ProtoMessage<?>> fastEntries = new LinkedHashMap<>();
    if (!(entries instanceof RepeatedObjects<?> list)) {
      differ(path, "getXEntries() type", "RepeatedMessage", entries);
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      ProtoMessage<?> entry = (ProtoMessage<?>) list.get(i);
      Object key = call(entry, method(entry.getClass(), "getKey"));
      fastEntries.put(canonicalKey(key), entry);
    }
    // getXCount() of a map: the number of distinct keys
    Object fastCount = call(fast, accessor(type, field, "get", "Count"));
    if (!Integer.valueOf(expectedEntries.size()).equals(fastCount)) {
      differ(path, "map getXCount()", expectedEntries.size(), fastCount);
    }
    if (!expectedEntries.keySet().equals(fastEntries.keySet())) {
      differ(path, "map keys", expectedEntries.keySet(), fastEntries.keySet());
      return;
    }
    for (Map.Entry<Object, Message> e : expectedEntries.entrySet()) {
      compareMessage(e.getValue(), fastEntries.get(e.getKey()), path + "[" + e.getKey() + "]", true);
    }

    // the Map snapshot
    Object snapshot = call(fast, accessor(type, field, "get", "Map"));
    if (!(snapshot instanceof Map<?, ?> map)) {
      differ(path, "getXMap() type", "java.util.Map", snapshot);
      return;
    }
    Map<Object, Object> byKey = new HashMap<>();
    map.forEach((k, v) -> byKey.put(canonicalKey(k), v));
    if (!byKey.keySet().equals(expectedEntries.keySet())) {
      differ(path, "getXMap() keys", expectedEntries.keySet(), byKey.keySet());
      return;
    }
    for (Map.Entry<Object, Message> e : expectedEntries.entrySet()) {
      Object expectedValue = e.getValue().getField(valueField);
      Object actual = byKey.get(e.getKey());
      String valuePath = path + ".getXMap()[" + e.getKey() + "]";
      if (valueField.getJavaType() == FieldDescriptor.JavaType.ENUM && actual instanceof Integer n) {
        int number = ((EnumValueDescriptor) expectedValue).getNumber();
        if (n != number) {
          differ(valuePath, "enum number", number, n);
        }
      } else {
        compareValue(valueField, expectedValue, actual, valuePath);
      }
    }
  }

  private static Object canonicalKey(Object key) {
    if (key instanceof Utf8String s) {
      return s.toString();
    }
    return key;
  }

  /** Compares one value (singular, element, or map value) of {@code field}. */
  private void compareValue(FieldDescriptor field, Object expected, Object actual, String path) {
    switch (field.getJavaType()) {
      case INT, LONG, BOOLEAN -> {
        if (!expected.equals(actual)) {
          differ(path, "value", expected, actual);
        }
      }
      case FLOAT -> {
        if (!(actual instanceof Float f)
            || Float.floatToRawIntBits(f) != Float.floatToRawIntBits((Float) expected)) {
          differ(path, "float bits", expected, actual);
        }
      }
      case DOUBLE -> {
        if (!(actual instanceof Double d)
            || Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits((Double) expected)) {
          differ(path, "double bits", expected, actual);
        }
      }
      case STRING -> {
        String text = actual instanceof Utf8String u ? u.toString() : (String) actual;
        if (!expected.equals(text)) {
          differ(path, "string", expected, text);
        }
      }
      case BYTE_STRING -> {
        byte[] want = ((ByteString) expected).toByteArray();
        byte[] got = actual instanceof ProtoBytes b ? b.toByteArray() : null;
        if (!Arrays.equals(want, got)) {
          differ(path, "bytes", want, got == null ? actual : got);
        }
      }
      case ENUM -> {
        EnumValueDescriptor value = (EnumValueDescriptor) expected;
        EnumValueDescriptor known = value.getType().findValueByNumber(value.getNumber());
        String name = known == null ? "UNRECOGNIZED" : known.getName();
        if (!(actual instanceof Enum<?> e) || !e.name().equals(name)) {
          differ(path, "enum constant", name + " (" + value.getNumber() + ")", actual);
        } else if (known != null) {
          Method getNumber = method(e.getClass(), "getNumber");
          if (getNumber != null && !Integer.valueOf(value.getNumber()).equals(call(e, getNumber))) {
            differ(path, "enum getNumber()", value.getNumber(), call(e, getNumber));
          }
        }
      }
      case MESSAGE -> {
        if (actual instanceof ProtoMessage<?> nested) {
          compareMessage((Message) expected, nested, path, false);
        } else {
          differ(path, "message type", "a message", actual);
        }
      }
    }
  }
}
