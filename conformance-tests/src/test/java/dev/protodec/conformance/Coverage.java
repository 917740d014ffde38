package dev.protodec.conformance;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Which fields of the types reachable from a root message the random messages have set. */
final class Coverage {
  private final Set<String> reachable = new TreeSet<>();
  private final Set<String> seen = new HashSet<>();

  Coverage(Descriptor root) {
    Set<Descriptor> visited = new HashSet<>();
    Deque<Descriptor> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      Descriptor type = queue.pop();
      if (!visited.add(type)) {
        continue;
      }
      for (FieldDescriptor field : type.getFields()) {
        reachable.add(field.getFullName());
        if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
          queue.add(field.getMessageType());
        }
      }
    }
  }

  void record(Message message) {
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      FieldDescriptor field = e.getKey();
      seen.add(field.getFullName());
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        List<?> values = field.isRepeated() ? (List<?>) e.getValue() : List.of(e.getValue());
        for (Object value : values) {
          record((Message) value);
        }
      }
    }
  }

  Set<String> missing() {
    Set<String> missing = new TreeSet<>(reachable);
    missing.removeAll(seen);
    return missing;
  }
}
