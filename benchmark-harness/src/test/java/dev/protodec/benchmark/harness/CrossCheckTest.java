package dev.protodec.benchmark.harness;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossCheckTest {
  private static final Descriptor ALL = TestSchema.ALL_KINDS;
  private static final Descriptor LEAF = TestSchema.LEAF;

  private static FieldDescriptor f(Descriptor type, String name) {
    return type.findFieldByName(name);
  }

  private static DynamicMessage leaf(String name, int weight) {
    return DynamicMessage.newBuilder(LEAF).setField(f(LEAF, "name"), name).setField(f(LEAF, "weight"), weight).build();
  }

  private static DynamicMessage countsEntry(String key, int value) {
    Descriptor entry = f(ALL, "counts").getMessageType();
    return DynamicMessage.newBuilder(entry).setField(f(entry, "key"), key).setField(f(entry, "value"), value).build();
  }

  /** A message with nesting, repeated messages and a map, its map entries in the given order. */
  private static DynamicMessage message(String secondLeafName, List<String> countKeys) {
    DynamicMessage.Builder child = DynamicMessage.newBuilder(ALL).setField(f(ALL, "text"), "child")
        .setField(f(ALL, "leaf"), leaf("nested", 5));
    DynamicMessage.Builder root = DynamicMessage.newBuilder(ALL)
        .setField(f(ALL, "i32"), -7)
        .setField(f(ALL, "text"), "root")
        .setField(f(ALL, "data"), ByteString.copyFrom(new byte[] {1, 2, (byte) 0xff}))
        .addRepeatedField(f(ALL, "leaves"), leaf("first", 1))
        .addRepeatedField(f(ALL, "leaves"), leaf(secondLeafName, 2))
        .setField(f(ALL, "label"), "chosen")
        .setField(f(ALL, "child"), child.build());
    for (String key : countKeys) {
      root.addRepeatedField(f(ALL, "counts"), countsEntry(key, key.length()));
    }
    return root.build();
  }

  private static Corpus corpusOf(DynamicMessage message) {
    return new Corpus(List.of(message.toByteArray()), List.of(0L), List.of(Path.of("corpus.delimited")),
        "file corpus.delimited, 1 length-delimited messages");
  }

  private static CrossCheck.Walk walkOf(DynamicMessage message) {
    return (index, sink) -> DynamicWalk.deep(message, sink);
  }

  private static List<String> recorded(DynamicMessage message) {
    RecordingSink sink = new RecordingSink();
    DynamicWalk.deep(message, sink);
    return sink.values();
  }

  @Test
  void twoEqualWalksPass() {
    DynamicMessage expected = message("second", List.of("a", "bb"));
    DynamicMessage same = message("second", List.of("a", "bb"));

    assertDoesNotThrow(() -> CrossCheck.decoders(corpusOf(expected), "test.harness.AllKinds", walkOf(expected),
        Map.of("protodecFresh", walkOf(same), "protodecReused", walkOf(same))));
  }

  @Test
  void recordsEveryValueWithItsPath() {
    List<String> values = recorded(message("second", List.of("a", "bb")));

    assertTrue(values.contains("i32=-7"), values.toString());
    assertTrue(values.contains("text=text:root"), values.toString());
    assertTrue(values.contains("data=hex:0102ff"), values.toString());
    assertTrue(values.contains("leaves[1].name=text:second"), values.toString());
    assertTrue(values.contains("counts{}.key=text:bb"), values.toString());
    assertTrue(values.contains("counts{}.value=2"), values.toString());
    assertTrue(values.contains("label=text:chosen"), values.toString());
    assertTrue(values.contains("child.leaf.name=text:nested"), values.toString());
  }

  @Test
  void aChangedFieldIsNamedWithItsPath() {
    DynamicMessage expected = message("second", List.of("a", "bb"));
    DynamicMessage changed = message("2nd", List.of("a", "bb"));

    ContenderDisagrees e = assertThrows(ContenderDisagrees.class, () -> CrossCheck.decoders(corpusOf(expected),
        "test.harness.AllKinds", walkOf(expected), Map.of("protodecFresh", walkOf(changed))));

    assertEquals("test.harness.AllKinds: protodecFresh disagrees with protobuf-java on corpus message 0 (byte offset 0"
        + " of corpus.delimited) at field leaves[1].name: expected leaves[1].name=text:second, got"
        + " leaves[1].name=text:2nd", e.getMessage());
  }

  @Test
  void aChangedNestedFieldAndAMissingValueAreNamed() {
    DynamicMessage expected = message("second", List.of("a", "bb"));
    DynamicMessage nested = expected.toBuilder()
        .setField(f(ALL, "child"), ((DynamicMessage) expected.getField(f(ALL, "child"))).toBuilder()
            .setField(f(ALL, "leaf"), leaf("nested", 6)).build())
        .build();
    DynamicMessage shorter = expected.toBuilder().clearField(f(ALL, "child")).build();

    ContenderDisagrees changed = assertThrows(ContenderDisagrees.class, () -> CrossCheck.decoders(corpusOf(expected),
        "test.harness.AllKinds", walkOf(expected), Map.of("protodecReused", walkOf(nested))));
    assertTrue(changed.getMessage().contains("protodecReused disagrees with protobuf-java on corpus message 0")
        && changed.getMessage().contains("at field child.leaf.weight: expected child.leaf.weight=5, got"
        + " child.leaf.weight=6"), changed.getMessage());

    ContenderDisagrees missing = assertThrows(ContenderDisagrees.class, () -> CrossCheck.decoders(corpusOf(expected),
        "test.harness.AllKinds", walkOf(expected), Map.of("protodecFresh", walkOf(shorter))));
    int all = recorded(expected).size();
    int fewer = recorded(shorter).size();
    assertTrue(missing.getMessage().endsWith("at field child.i32: expected " + all + " values, got " + fewer
        + "; first missing: child.i32=0"), missing.getMessage()); // proto3 zeros are walked too
  }

  @Test
  void mapOrderDoesNotMatter() {
    DynamicMessage ab = message("second", List.of("a", "bb", "ccc"));
    DynamicMessage ba = message("second", List.of("ccc", "a", "bb"));
    // the walks really do see the entries in another order
    assertNotEquals(ab.getRepeatedField(f(ALL, "counts"), 0), ba.getRepeatedField(f(ALL, "counts"), 0));

    assertEquals(recorded(ab), recorded(ba));
    assertDoesNotThrow(() -> CrossCheck.decoders(corpusOf(ab), "test.harness.AllKinds", walkOf(ab),
        Map.of("protodecFresh", walkOf(ba))));
  }

  @Test
  void mapEntriesNestedInMapEntriesAreSortedAtEachLevel() {
    RecordingSink first = new RecordingSink();
    RecordingSink second = new RecordingSink();
    entries(first, List.of("x", "y"), List.of("1", "2"));
    entries(second, List.of("y", "x"), List.of("2", "1"));

    assertEquals(first.values(), second.values());
    assertEquals(List.of("outer{}.key=text:x", "outer{}.value.inner{}.key=text:1", "outer{}.value.inner{}.key=text:2",
        "outer{}.key=text:y", "outer{}.value.inner{}.key=text:1", "outer{}.value.inner{}.key=text:2",
        "after=1"), first.values());
  }

  /** map outer { key: k, value: { map inner { key: i } } } for each k, then a field after the map. */
  private static void entries(FieldSink sink, List<String> keys, List<String> innerKeys) {
    sink.beginMap("outer");
    for (int i = 0; i < keys.size(); i++) {
      sink.enter("outer", i);
      sink.text("key", keys.get(i));
      sink.enter("value", -1);
      sink.beginMap("inner");
      for (int j = 0; j < innerKeys.size(); j++) {
        sink.enter("inner", j);
        sink.text("key", innerKeys.get(j));
        sink.exit();
      }
      sink.endMap();
      sink.exit();
      sink.exit();
    }
    sink.endMap();
    sink.value("after", 1);
  }

  @Test
  void anEncoderWhoseBytesParseToOtherValuesIsNamed() {
    DynamicMessage message = message("second", List.of("a"));
    DynamicMessage other = message("other", List.of("a"));
    CrossCheck.BytesWalk reparsed = new CrossCheck.BytesWalk() {
      @Override
      public void walk(int index, FieldSink sink) {
        DynamicWalk.deep(message, sink);
      }

      @Override
      public void walkBytes(byte[] bytes, FieldSink sink) throws Exception {
        DynamicWalk.deep(DynamicMessage.parseFrom(ALL, bytes), sink);
      }
    };

    assertDoesNotThrow(() -> CrossCheck.encoders(corpusOf(message), "test.harness.AllKinds", reparsed,
        Map.of("protodecToByteArray", i -> message.toByteArray())));
    ContenderDisagrees e = assertThrows(ContenderDisagrees.class, () -> CrossCheck.encoders(corpusOf(message),
        "test.harness.AllKinds", reparsed, Map.of("protodecReusedWriter", i -> other.toByteArray())));
    assertTrue(e.getMessage().startsWith("test.harness.AllKinds: protodecReusedWriter (encoded, parsed by protobuf-java)"
        + " disagrees with protobuf-java on corpus message 0 (byte offset 0 of corpus.delimited) at field"
        + " leaves[1].name"), e.getMessage());
  }
}
