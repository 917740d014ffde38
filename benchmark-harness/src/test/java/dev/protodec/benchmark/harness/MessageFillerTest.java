package dev.protodec.benchmark.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageFillerTest {
  private static final MessageFiller.Settings SETTINGS = new MessageFiller.Settings(20, 42, 3, 12, 3);

  @Test
  void theSameSeedGivesTheSameMessages() {
    List<byte[]> first = new MessageFiller(SETTINGS).fill(TestSchema.ALL_KINDS);
    List<byte[]> second = new MessageFiller(SETTINGS).fill(TestSchema.ALL_KINDS);

    assertEquals(20, first.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i), second.get(i), "message " + i);
    }
    List<byte[]> otherSeed = new MessageFiller(new MessageFiller.Settings(20, 7, 3, 12, 3)).fill(TestSchema.ALL_KINDS);
    assertFalse(Arrays.equals(first.get(0), otherSeed.get(0)), "seed 7 gave seed 42's first message");
  }

  @Test
  void everyFieldKindIsFilled() throws Exception {
    Set<String> filled = new HashSet<>();
    Set<FieldDescriptor.Type> kinds = EnumSet.noneOf(FieldDescriptor.Type.class);
    for (byte[] bytes : new MessageFiller(SETTINGS).fill(TestSchema.ALL_KINDS)) {
      DynamicMessage message = DynamicMessage.parseFrom(TestSchema.ALL_KINDS, bytes);
      assertTrue(message.getUnknownFields().asMap().isEmpty());
      collect(message, filled, kinds);
      // exactly SETTINGS.repeated() elements per repeated field or map
      for (FieldDescriptor field : TestSchema.ALL_KINDS.getFields()) {
        if (field.isRepeated()) {
          assertEquals(3, message.getRepeatedFieldCount(field), field.getName());
        }
      }
    }
    // proto3 scalars without presence are only seen when not zero: across 20 messages each one is; both
    // members of the oneof are chosen at times
    for (FieldDescriptor field : TestSchema.ALL_KINDS.getFields()) {
      assertTrue(filled.contains(field.getFullName()), field.getName() + " never filled");
    }
    assertTrue(filled.contains("test.harness.Leaf.name") && filled.contains("test.harness.Leaf.weight"));
    assertEquals(EnumSet.complementOf(EnumSet.of(FieldDescriptor.Type.GROUP)), kinds);
  }

  @Test
  void recursionStopsAtTheDepthAndSizesFollowTheSettings() throws Exception {
    MessageFiller.Settings settings = new MessageFiller.Settings(5, 1, 2, 30, 2);
    FieldDescriptor child = TestSchema.ALL_KINDS.findFieldByName("child");
    FieldDescriptor text = TestSchema.ALL_KINDS.findFieldByName("text");
    FieldDescriptor data = TestSchema.ALL_KINDS.findFieldByName("data");
    for (byte[] bytes : new MessageFiller(settings).fill(TestSchema.ALL_KINDS)) {
      DynamicMessage message = DynamicMessage.parseFrom(TestSchema.ALL_KINDS, bytes);
      int depth = 0;
      for (Message m = message; m.hasField(child); m = (Message) m.getField(child)) {
        depth++;
        assertEquals(30, ((String) m.getField(text)).codePointCount(0, ((String) m.getField(text)).length()));
        assertEquals(30, ((com.google.protobuf.ByteString) m.getField(data)).size());
        assertEquals(2, m.getRepeatedFieldCount(TestSchema.ALL_KINDS.findFieldByName("leaves")));
      }
      assertEquals(2, depth, "the child chain is as deep as the setting");
    }
    assertEquals("5 messages, seed 1, 2 elements per repeated field or map, strings and bytes of 30, nesting"
        + " depth 2", settings.toString());
  }

  private static void collect(Message message, Set<String> filled, Set<FieldDescriptor.Type> kinds) {
    for (var entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      filled.add(field.getFullName());
      kinds.add(field.getType());
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        if (field.isRepeated()) {
          for (Object element : (List<?>) entry.getValue()) {
            collect((Message) element, filled, kinds);
          }
        } else {
          collect((Message) entry.getValue(), filled, kinds);
        }
      }
    }
  }
}
