package dev.protodec.codegen.model;

import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An enum: its Java class, its values (first of each number) and aliases, open or closed. */
public final class EnumInfo {
  /** A value: the first declared for its number becomes a Java constant, later ones aliases. */
  public record Value(String name, int number, String javadoc) {}

  public final String fullName;
  public final ClassName className;
  /** Proto3 enums are open (unknown numbers are kept); proto2 enums are closed. */
  public final boolean open;
  public final List<Value> constants;
  public final List<Value> aliases;
  public final String javadoc;

  EnumInfo(String fullName, ClassName className, EnumDescriptorProto proto, boolean open,
      Comments comments, List<Integer> path) {
    this.fullName = fullName;
    this.className = className;
    this.open = open;
    this.javadoc = comments.forPath(path);
    List<Value> firsts = new ArrayList<>();
    List<Value> later = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < proto.getValueCount(); i++) {
      EnumValueDescriptorProto v = proto.getValue(i);
      List<Integer> valuePath = Comments.child(path, 2, i);
      Value value = new Value(Names.className(v.getName()), v.getNumber(), comments.forPath(valuePath));
      (seen.add(v.getNumber()) ? firsts : later).add(value);
    }
    this.constants = List.copyOf(firsts);
    this.aliases = List.copyOf(later);
  }

  /** The constant that stands for {@code number}, or the alias's target. */
  public Value constantFor(String valueName) {
    for (Value v : constants) {
      if (v.name().equals(valueName)) {
        return v;
      }
    }
    for (Value alias : aliases) {
      if (alias.name().equals(valueName)) {
        for (Value v : constants) {
          if (v.number() == alias.number()) {
            return v;
          }
        }
      }
    }
    throw new IllegalArgumentException("enum " + fullName + " has no value " + valueName);
  }

  public Value first() {
    return constants.get(0);
  }
}
