package dev.protodec.jmh;

import dev.protodec.dns.corpus.FieldSink;
import dev.protodec.runtime.ProtoBytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Records every value as text, so that two libraries' recordings compare with {@code equals}: {@code
 * int:5}, {@code long:5}, {@code bool:true}, {@code text:www.example.com.} for every string
 * representation ({@link String}, any {@link CharSequence}, protodec's and QuickBuffers' {@code
 * Utf8String}) and {@code hex:2001db8...} for every bytes representation ({@code byte[]}, protodec's
 * {@link ProtoBytes}, protobuf-java's and Okio's {@code ByteString}, QuickBuffers' {@code RepeatedByte}).
 * An object of any other class is an error: a reader pushed something the comparison cannot judge.
 */
public final class RecordingSink implements FieldSink {
  private static final HexFormat HEX = HexFormat.of();

  private final List<String> values = new ArrayList<>();

  /** What was recorded since the last {@link #clear()}. */
  public List<String> values() {
    return values;
  }

  public void clear() {
    values.clear();
  }

  @Override
  public void value(int v) {
    values.add("int:" + v);
  }

  @Override
  public void value(long v) {
    values.add("long:" + v);
  }

  @Override
  public void value(boolean v) {
    values.add("bool:" + v);
  }

  @Override
  public void value(Object v) {
    values.add(normalise(v));
  }

  /** {@code text:...} or {@code hex:...} for the string and bytes representations the contenders use. */
  static String normalise(Object v) {
    if (v == null) {
      throw new IllegalArgumentException("a reader pushed null");
    }
    if (v instanceof CharSequence text) {
      return "text:" + text;
    }
    if (v instanceof byte[] bytes) {
      return "hex:" + HEX.formatHex(bytes);
    }
    if (v instanceof ProtoBytes bytes) {
      return "hex:" + HEX.formatHex(bytes.toByteArray());
    }
    if (v instanceof com.google.protobuf.ByteString bytes) {
      return "hex:" + HEX.formatHex(bytes.toByteArray());
    }
    if (v instanceof okio.ByteString bytes) {
      return "hex:" + bytes.hex();
    }
    if (v instanceof us.hebi.quickbuf.RepeatedByte bytes) {
      return "hex:" + HEX.formatHex(bytes.toArray());
    }
    if (v instanceof dev.protodec.runtime.Utf8String || v instanceof us.hebi.quickbuf.Utf8String) {
      return "text:" + v; // both decode their UTF-8 in toString()
    }
    throw new IllegalArgumentException(
        "a reader pushed a " + v.getClass().getName() + ", which the cross-check cannot compare; "
            + "push a string or bytes representation that RecordingSink knows");
  }
}
