package dev.protodec.conformance;

import com.google.protobuf.Message;
import dev.protodec.runtime.ProtoMessage;
import dev.protodec.runtime.ProtoReader;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A protodec message class found from its protobuf-java twin, with its static entry points as method
 * handles. The generated classes are reached through reflection so that one harness serves every
 * schema; reflection is used in tests only, the generated code has none.
 *
 * <p>Package mapping follows the {@code replacePackages} of this module's pom: protobuf-java's
 * {@code dev.protodec.conformance.X} is protodec's {@code dev.protodec.conformance.fast.X}, {@code
 * com.google.protobuf.X} is {@code dev.protodec.conformance.wkt.X} and {@code io.opentelemetry.proto.X}
 * is {@code dev.protodec.conformance.otlp.X}.
 */
final class FastType {
  private static final Map<Class<?>, FastType> CACHE = new ConcurrentHashMap<>();

  private static final String[][] PACKAGES = {
    {"dev.protodec.conformance.", "dev.protodec.conformance.fast."},
    {"com.google.protobuf.", "dev.protodec.conformance.wkt."},
    {"io.opentelemetry.proto.", "dev.protodec.conformance.otlp."},
    {"dev.protodec.dns.v1.", "dev.protodec.dns.fast."},
  };

  final Class<? extends ProtoMessage<?>> type;
  private final MethodHandle newInstance;
  private final MethodHandle parseBytes;
  private final MethodHandle parseBytesRange;
  private final MethodHandle parseBuffer;
  private final MethodHandle parseStream;
  private final MethodHandle parsePartialBytes;

  private FastType(Class<? extends ProtoMessage<?>> type) {
    this.type = type;
    try {
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      newInstance = lookup.findStatic(type, "newInstance", MethodType.methodType(type));
      parseBytes = lookup.findStatic(type, "parseFrom", MethodType.methodType(type, byte[].class));
      parseBytesRange =
          lookup.findStatic(
              type, "parseFrom", MethodType.methodType(type, byte[].class, int.class, int.class));
      parseBuffer = lookup.findStatic(type, "parseFrom", MethodType.methodType(type, ByteBuffer.class));
      parseStream = lookup.findStatic(type, "parseFrom", MethodType.methodType(type, InputStream.class));
      parsePartialBytes =
          lookup.findStatic(type, "parsePartialFrom", MethodType.methodType(type, byte[].class));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(type + " lacks a documented static method", e);
    }
  }

  /** The protodec twin of a protobuf-java message class. */
  static FastType of(Class<? extends Message> protobufJavaClass) {
    return CACHE.computeIfAbsent(protobufJavaClass, c -> new FastType(load(fastName(c.getName()))));
  }

  static FastType of(Message prototype) {
    return of(prototype.getClass());
  }

  static String fastName(String protobufJavaName) {
    for (String[] mapping : PACKAGES) {
      if (protobufJavaName.startsWith(mapping[0])) {
        return mapping[1] + protobufJavaName.substring(mapping[0].length());
      }
    }
    throw new IllegalArgumentException("no protodec twin configured for " + protobufJavaName);
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends ProtoMessage<?>> load(String name) {
    try {
      Class<?> c = Class.forName(name);
      if (!ProtoMessage.class.isAssignableFrom(c)) {
        throw new AssertionError(name + " does not extend ProtoMessage");
      }
      return (Class<? extends ProtoMessage<?>>) c;
    } catch (ClassNotFoundException e) {
      throw new AssertionError("protodec did not generate " + name, e);
    }
  }

  ProtoMessage<?> newInstance() {
    return (ProtoMessage<?>) invoke(newInstance);
  }

  ProtoMessage<?> parseFrom(byte[] data) throws Exception {
    return (ProtoMessage<?>) call(parseBytes, data);
  }

  ProtoMessage<?> parseFrom(byte[] data, int offset, int length) throws Exception {
    return (ProtoMessage<?>) call(parseBytesRange, data, offset, length);
  }

  ProtoMessage<?> parseFrom(ByteBuffer data) throws Exception {
    return (ProtoMessage<?>) call(parseBuffer, data);
  }

  ProtoMessage<?> parseFrom(InputStream data) throws Exception {
    return (ProtoMessage<?>) call(parseStream, data);
  }

  /**
   * Parses {@code data} with a reader in zero-copy mode: strings and bytes refer to {@code data}, UTF-8
   * is checked when a string is first decoded.
   */
  ProtoMessage<?> parseZeroCopy(byte[] data) throws Exception {
    return ProtoReader.newInstance().setZeroCopy(true).wrap(data).parseInto(newInstance());
  }

  ProtoMessage<?> parsePartialFrom(byte[] data) throws Exception {
    return (ProtoMessage<?>) call(parsePartialBytes, data);
  }

  /** Calls a handle, letting checked exceptions through unwrapped (no InvocationTargetException). */
  private static Object call(MethodHandle handle, Object... args) throws Exception {
    try {
      return handle.invokeWithArguments(args);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  private static Object invoke(MethodHandle handle) {
    try {
      return handle.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new AssertionError(t);
    }
  }

  @Override
  public String toString() {
    return type.getName();
  }
}
