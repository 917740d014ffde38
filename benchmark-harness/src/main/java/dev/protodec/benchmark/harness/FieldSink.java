package dev.protodec.benchmark.harness;

import com.google.protobuf.ByteString;
import dev.protodec.runtime.ProtoBytes;
import dev.protodec.runtime.Utf8String;

/**
 * What a walk of a message pushes, field by field, in declaration order. The generated walks and {@link
 * DynamicWalk} push the same sequence for equal messages, so a {@link RecordingSink} can compare them;
 * under JMH a {@link BlackholeSink} consumes them. Field names are constants, so pushing costs no more
 * than the call.
 */
public interface FieldSink {
  /** Every integer kind, enums as their number. */
  void value(String field, long value);

  void value(String field, double value);

  void value(String field, boolean value);

  void text(String field, String value);

  void bytes(String field, ByteString value);

  void bytes(String field, ProtoBytes value);

  /** A string read without decoding it (protodec's light walk). */
  void utf8(String field, Utf8String value);

  /** A nested message starts; {@code index} is its position in a repeated field or map, else -1. */
  void enter(String field, int index);

  void exit();

  /** A map's entries follow, as {@link #enter}/{@link #exit} pairs, in an order that does not count. */
  void beginMap(String field);

  void endMap();
}
