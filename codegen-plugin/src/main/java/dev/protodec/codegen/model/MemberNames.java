package dev.protodec.codegen.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every field of a message its {@link FieldNames} and makes sure no two members of the class share
 * a name.
 *
 * <p>protobuf-java's rule comes first (its {@code java/context.cc}): two fields with the same accessor
 * stem, or a repeated field {@code foo} beside a singular {@code foo_count} or {@code foo_list}, both get
 * their field number appended ({@code getFoo5Count()}, {@code getFooCount6()}), so code written for
 * protobuf-java's classes keeps its names. Clashes protobuf-java has no rule for (its classes do not
 * compile then, or it lacks the member: {@code name} beside {@code name_utf8}, {@code bit_field0} beside
 * the presence word {@code bitField0_}, {@code kind_case} beside {@code oneof kind}) are resolved the same
 * way: both fields, or the one field that meets a fixed member of the class, get their number. What is
 * still not unique after that is an error naming both.
 */
final class MemberNames {
  private MemberNames() {}

  /** Members every message class has: ProtoMessage's and Object's, and the fixed generated ones. */
  private static final Set<String> FIXED = Set.of(
      "unknownFields", "cachedSize", "DEFAULT_INSTANCE",
      "newInstance/0", "getDefaultInstance/0", "parseFrom/1", "parseFrom/3", "parsePartialFrom/1",
      "clear/0", "mergeFrom/1", "computeSerializedSize/0", "getSerializedSize/0", "getCachedSize/0",
      "writeTo/1", "writeFieldsTo/1", "toByteArray/0", "isInitialized/0", "findMissingFields/2",
      "checkInitialized/0", "equals/1", "hashCode/0", "toString/0", "printFields/1", "getTypeName/0",
      "getUnknownFields/0", "getClass/0", "notify/0", "notifyAll/0", "wait/0", "wait/1", "wait/2",
      "clone/0", "finalize/0", "hasSameKey/1", "keyHash/0");

  static void assign(MessageInfo message) throws ModelException {
    Set<String> fixed = new HashSet<>(FIXED);
    for (int i = 0; i < message.bitFieldCount; i++) {
      fixed.add("bitField" + i + "_");
    }
    for (OneofInfo oneof : message.oneofs) {
      fixed.add(oneof.caseField);
      fixed.add(oneof.caseGetter + "/0");
      fixed.add(oneof.clearer + "/0");
    }
    List<FieldInfo> fields = message.fields;
    Set<FieldInfo> numbered = new LinkedHashSet<>(protobufJavaConflicts(fields));
    Set<FieldInfo> numberedConstants = new HashSet<>();
    for (int round = 0; ; round++) {
      for (FieldInfo field : fields) {
        field.names = names(field, numbered.contains(field), numberedConstants.contains(field));
      }
      Map<String, FieldInfo> owners = new HashMap<>();
      Set<FieldInfo> clashing = new LinkedHashSet<>();
      String example = null;
      for (FieldInfo field : fields) {
        for (String member : field.names.members(field)) {
          FieldInfo other = owners.putIfAbsent(member, field);
          if (fixed.contains(member) || (other != null && other != field)) {
            clashing.add(field);
            if (other != null && other != field) {
              clashing.add(other);
            }
            if (example == null) {
              example = member + " of " + field.protoName
                  + (other != null && other != field ? " and of " + other.protoName : " and of the class");
            }
          }
        }
      }
      if (clashing.isEmpty()) {
        return;
      }
      boolean progress = false;
      for (FieldInfo field : clashing) {
        progress |= numbered.add(field) || numberedConstants.add(field);
      }
      if (!progress || round > 3) {
        throw new ModelException(message.fullName.substring(1) + ": generated member names clash ("
            + example.replaceFirst("/\\d+ ", "() ") + ") even with field numbers appended; rename a field");
      }
    }
  }

  /** protobuf-java's conflicts: equal stems; repeated X beside singular XCount or XList. */
  private static Set<FieldInfo> protobufJavaConflicts(List<FieldInfo> fields) {
    Set<FieldInfo> conflicting = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      for (int j = i + 1; j < fields.size(); j++) {
        FieldInfo a = fields.get(i);
        FieldInfo b = fields.get(j);
        if (baseStem(a).equals(baseStem(b)) || countOrList(a, b) || countOrList(b, a)) {
          conflicting.add(a);
          conflicting.add(b);
        }
      }
    }
    return conflicting;
  }

  private static boolean countOrList(FieldInfo repeated, FieldInfo singular) {
    return repeated.repeated && !singular.repeated
        && (baseStem(singular).equals(baseStem(repeated) + "Count")
            || baseStem(singular).equals(baseStem(repeated) + "List"));
  }

  /** protobuf-java names a group's accessors after its type ("OptionalGroup"), not its lowercased field. */
  private static String baseStem(FieldInfo field) {
    if (field.groupLike()) {
      String type = field.proto.getTypeName();
      return Names.accessorStem(type.substring(type.lastIndexOf('.') + 1));
    }
    return Names.accessorStem(field.protoName);
  }

  private static FieldNames names(FieldInfo field, boolean numbered, boolean numberedConstants) {
    String lower = Names.camelCase(field.protoName, false);
    String stem = baseStem(field);
    if (numbered) {
      stem = stem + field.number;
      lower = lower + field.number;
    }
    return FieldNames.of(field, stem, lower, numberedConstants ? "_" + field.number : "");
  }
}
