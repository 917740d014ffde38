package dev.protodec.dns.corpus;

import com.google.protobuf.ByteString;
import dev.protodec.runtime.ProtoBytes;
import dev.protodec.runtime.Utf8String;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Records what a reader pushes as text, one entry per value, so two libraries' recordings compare with
 * {@code equals}: strings ({@link String}, {@link Utf8String}) as {@code s:text}, bytes ({@link
 * ProtoBytes}, {@link ByteString}, {@code byte[]}) as {@code b:hex}, scalars as {@code i:}, {@code l:},
 * {@code z:}. Any other object fails the test: a reader pushed something the contract does not allow.
 */
final class RecordingSink implements FieldSink {
  private static final HexFormat HEX = HexFormat.of();

  private final List<String> values = new ArrayList<>();

  List<String> values() {
    return values;
  }

  @Override
  public void value(int v) {
    values.add("i:" + v);
  }

  @Override
  public void value(long v) {
    values.add("l:" + v);
  }

  @Override
  public void value(boolean v) {
    values.add("z:" + v);
  }

  @Override
  public void value(Object v) {
    values.add(normalise(v));
  }

  private static String normalise(Object v) {
    if (v instanceof String || v instanceof Utf8String) {
      return "s:" + v;
    } else if (v instanceof ProtoBytes) {
      return "b:" + HEX.formatHex(((ProtoBytes) v).toByteArray());
    } else if (v instanceof ByteString) {
      return "b:" + HEX.formatHex(((ByteString) v).toByteArray());
    } else if (v instanceof byte[]) {
      return "b:" + HEX.formatHex((byte[]) v);
    }
    throw new AssertionError("a reader pushed " + (v == null ? "null" : v.getClass().getName())
        + "; strings and bytes only, in the library's own representation");
  }
}
