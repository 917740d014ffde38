package dev.protodec.benchmark.harness;

import com.google.protobuf.ByteString;
import dev.protodec.runtime.ProtoBytes;
import dev.protodec.runtime.Utf8String;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * Records each value as {@code path=value} ({@code items[2].name=text:abc}), strings of any
 * representation as {@code text:}, bytes as {@code hex:}. Map entries are sorted by their recording
 * when the map ends, since implementations iterate maps in different orders.
 */
public final class RecordingSink implements FieldSink {
  private static final HexFormat HEX = HexFormat.of();

  private final Deque<String> path = new ArrayDeque<>();
  /** The open maps' entry lists; values go to the innermost one while an entry is open. */
  private final Deque<List<List<String>>> maps = new ArrayDeque<>();
  private final Deque<Integer> mapDepths = new ArrayDeque<>();
  private final Deque<List<String>> outputs = new ArrayDeque<>();

  public RecordingSink() {
    outputs.push(new ArrayList<>());
  }

  public List<String> values() {
    return outputs.getLast();
  }

  private void record(String field, String value) {
    outputs.peek().add(prefix() + field + "=" + value);
  }

  private String prefix() {
    StringBuilder out = new StringBuilder();
    for (var it = path.descendingIterator(); it.hasNext(); ) {
      out.append(it.next()).append('.');
    }
    return out.toString();
  }

  @Override public void value(String field, long value) { record(field, Long.toString(value)); }
  @Override public void value(String field, double value) { record(field, Double.toString(value)); }
  @Override public void value(String field, boolean value) { record(field, Boolean.toString(value)); }
  @Override public void text(String field, String value) { record(field, "text:" + value); }
  @Override public void bytes(String field, ByteString value) { record(field, "hex:" + HEX.formatHex(value.toByteArray())); }
  @Override public void bytes(String field, ProtoBytes value) { record(field, "hex:" + HEX.formatHex(value.toByteArray())); }
  @Override public void utf8(String field, Utf8String value) { record(field, "text:" + value); }

  @Override
  public void enter(String field, int index) {
    boolean mapEntry = !mapDepths.isEmpty() && mapDepths.peek() == path.size();
    path.push(mapEntry ? field + "{}" : index < 0 ? field : field + "[" + index + "]");
    if (mapEntry) {
      List<String> entry = new ArrayList<>();
      maps.peek().add(entry);
      outputs.push(entry);
    }
  }

  @Override
  public void exit() {
    path.pop();
    if (!mapDepths.isEmpty() && mapDepths.peek() == path.size()) {
      outputs.pop();
    }
  }

  @Override
  public void beginMap(String field) {
    maps.push(new ArrayList<>());
    mapDepths.push(path.size());
  }

  @Override
  public void endMap() {
    mapDepths.pop();
    List<List<String>> entries = maps.pop();
    entries.sort((a, b) -> String.join("\n", a).compareTo(String.join("\n", b)));
    entries.forEach(outputs.peek()::addAll);
  }
}
