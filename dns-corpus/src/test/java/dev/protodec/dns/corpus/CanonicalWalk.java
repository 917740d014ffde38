package dev.protodec.dns.corpus;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.ResourceRecord;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The test oracle: the sequences {@link DnsMessageReader} defines, computed from the protobuf-java
 * message the corpus encoded. The deep walk follows the rules of the contract generically, from the
 * descriptors, rather than by hand for each DNS message type, so the hand-written readers are checked
 * against the rules as written.
 */
final class CanonicalWalk {
  private CanonicalWalk() {}

  static void light(DnsMessage m, FieldSink sink) {
    sink.value(m.getHeader().getId());
    sink.value(m.getHeader().getRcodeValue());
    sink.value(m.getQuestionsCount());
    sink.value(m.getAnswersCount());
    sink.value(m.getAuthoritiesCount());
    sink.value(m.getAdditionalsCount());
    if (m.getQuestionsCount() > 0) {
      sink.value(m.getQuestions(0).getName());
    }
    if (m.getAnswersCount() > 0) {
      sink.value(m.getAnswers(0).getName());
    }
    List<List<ResourceRecord>> sections =
        List.of(m.getAnswersList(), m.getAuthoritiesList(), m.getAdditionalsList());
    for (List<ResourceRecord> section : sections) {
      for (ResourceRecord r : section) {
        sink.value(r.getTtl());
      }
    }
  }

  static void deep(Message m, FieldSink sink) {
    List<FieldDescriptor> fields = m.getDescriptorForType().getFields().stream()
        .sorted(Comparator.comparingInt(FieldDescriptor::getNumber))
        .collect(Collectors.toList());
    for (FieldDescriptor f : fields) {
      OneofDescriptor oneof = f.getRealContainingOneof();
      if (oneof != null) {
        if (f == firstMember(oneof)) {
          FieldDescriptor set = m.getOneofFieldDescriptor(oneof);
          sink.value(set == null ? 0 : set.getNumber());
          if (set != null) {
            element(set, m.getField(set), sink);
          }
        }
      } else if (f.isRepeated()) {
        int n = m.getRepeatedFieldCount(f);
        sink.value(n);
        for (int i = 0; i < n; i++) {
          element(f, m.getRepeatedField(f, i), sink);
        }
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        sink.value(m.hasField(f));
        if (m.hasField(f)) {
          deep((Message) m.getField(f), sink);
        }
      } else {
        element(f, m.getField(f), sink);
      }
    }
  }

  private static FieldDescriptor firstMember(OneofDescriptor oneof) {
    return oneof.getFields().stream().min(Comparator.comparingInt(FieldDescriptor::getNumber)).orElseThrow();
  }

  private static void element(FieldDescriptor f, Object value, FieldSink sink) {
    switch (f.getJavaType()) {
      case INT:
        sink.value((int) (Integer) value);
        break;
      case LONG:
        sink.value((long) (Long) value);
        break;
      case BOOLEAN:
        sink.value((boolean) (Boolean) value);
        break;
      case ENUM:
        sink.value(((EnumValueDescriptor) value).getNumber());
        break;
      case STRING:
        sink.value((String) value);
        break;
      case BYTE_STRING:
        sink.value((ByteString) value);
        break;
      case MESSAGE:
        deep((Message) value, sink);
        break;
      default:
        throw new AssertionError(
            "the DNS schema has no " + f.getJavaType() + " field, yet " + f.getFullName());
    }
  }
}
