package dev.protodec.jmh.otlp;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import dev.protodec.dns.corpus.FieldSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deep walk of {@link TracesDataReader} for any message type, through protobuf-java's reflection:
 * what a {@code DynamicMessage} user writes when no generated class exists. The plan (fields in number
 * order, each oneof at its lowest-numbered member, what to push for each) is computed once per type in
 * the constructor, so a walk does no look-up by name; reading each value still goes through {@link
 * Message#getField} and boxes scalars, as {@code DynamicMessage} does.
 */
final class ReflectiveWalk {
  private enum Kind { INT, LONG, BOOL, DOUBLE, FLOAT, ENUM, STRING, BYTES, MESSAGE }

  /** What to push for one message type. */
  private static final class Plan {
    Step[] steps;
  }

  /** One field, or one oneof with its members. */
  private static final class Step {
    final FieldDescriptor field;
    final Kind kind;
    final Plan message;
    final OneofDescriptor oneof;
    final Step[] members;

    Step(FieldDescriptor field, Kind kind, Plan message) {
      this.field = field;
      this.kind = kind;
      this.message = message;
      this.oneof = null;
      this.members = null;
    }

    Step(OneofDescriptor oneof, Step[] members) {
      this.field = null;
      this.kind = null;
      this.message = null;
      this.oneof = oneof;
      this.members = members;
    }

    Step member(FieldDescriptor set) {
      for (Step member : members) {
        if (member.field == set) {
          return member;
        }
      }
      throw new IllegalStateException("no step for oneof member " + set.getFullName());
    }
  }

  private final Plan root;

  ReflectiveWalk(Descriptor type) {
    this.root = plan(type, new HashMap<>());
  }

  void walk(Message message, FieldSink sink) {
    message(message, root, sink);
  }

  private static Plan plan(Descriptor type, Map<Descriptor, Plan> plans) {
    Plan known = plans.get(type);
    if (known != null) {
      return known; // recursive types (AnyValue -> ArrayValue -> AnyValue) share one plan
    }
    Plan plan = new Plan();
    plans.put(type, plan);
    List<FieldDescriptor> fields = new ArrayList<>(type.getFields());
    fields.sort(Comparator.comparingInt(FieldDescriptor::getNumber));
    List<Step> steps = new ArrayList<>();
    List<OneofDescriptor> placed = new ArrayList<>();
    for (FieldDescriptor field : fields) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof == null) {
        steps.add(step(field, plans));
      } else if (!placed.contains(oneof)) {
        placed.add(oneof);
        List<Step> members = new ArrayList<>();
        for (FieldDescriptor member : oneof.getFields()) {
          members.add(step(member, plans));
        }
        steps.add(new Step(oneof, members.toArray(new Step[0])));
      }
    }
    plan.steps = steps.toArray(new Step[0]);
    return plan;
  }

  private static Step step(FieldDescriptor field, Map<Descriptor, Plan> plans) {
    Kind kind = kind(field);
    return new Step(field, kind, kind == Kind.MESSAGE ? plan(field.getMessageType(), plans) : null);
  }

  private static Kind kind(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case INT -> Kind.INT;
      case LONG -> Kind.LONG;
      case BOOLEAN -> Kind.BOOL;
      case DOUBLE -> Kind.DOUBLE;
      case FLOAT -> Kind.FLOAT;
      case ENUM -> Kind.ENUM;
      case STRING -> Kind.STRING;
      case BYTE_STRING -> Kind.BYTES;
      case MESSAGE -> Kind.MESSAGE;
    };
  }

  private static void message(Message m, Plan plan, FieldSink sink) {
    for (Step step : plan.steps) {
      if (step.oneof != null) {
        FieldDescriptor set = m.getOneofFieldDescriptor(step.oneof);
        if (set == null) {
          sink.value(0);
        } else {
          sink.value(set.getNumber());
          Step member = step.member(set);
          value(m.getField(set), member, sink); // a message member: its fields, no has-flag
        }
      } else if (step.field.isRepeated()) {
        int n = m.getRepeatedFieldCount(step.field);
        sink.value(n);
        for (int i = 0; i < n; i++) {
          value(m.getRepeatedField(step.field, i), step, sink);
        }
      } else if (step.kind == Kind.MESSAGE) {
        boolean present = m.hasField(step.field);
        sink.value(present);
        if (present) {
          message((Message) m.getField(step.field), step.message, sink);
        }
      } else {
        value(m.getField(step.field), step, sink);
      }
    }
  }

  private static void value(Object v, Step step, FieldSink sink) {
    switch (step.kind) {
      case INT -> sink.value(((Integer) v).intValue());
      case LONG -> sink.value(((Long) v).longValue());
      case BOOL -> sink.value(((Boolean) v).booleanValue());
      case DOUBLE -> sink.value(Double.doubleToRawLongBits((Double) v));
      case FLOAT -> sink.value(Float.floatToRawIntBits((Float) v));
      case ENUM -> sink.value(((EnumValueDescriptor) v).getNumber());
      case STRING, BYTES -> sink.value(v);
      case MESSAGE -> message((Message) v, step.message, sink);
    }
  }
}
