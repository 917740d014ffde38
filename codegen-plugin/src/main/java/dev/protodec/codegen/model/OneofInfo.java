package dev.protodec.codegen.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;

/** A real (not synthetic) oneof: its members share one case field holding the set member's number. */
public final class OneofInfo {
  public final String protoName;
  /** {@code kind} → {@code Kind}: stem of {@code getKindCase()}, {@code clearKind()}. */
  public final String stem;
  /** {@code getKindCase}. */
  public final String caseGetter;
  /** {@code clearKind}. */
  public final String clearer;
  public final String caseField;
  public final ClassName caseEnum;
  /** {@code KIND_NOT_SET}. */
  public final String notSetConstant;
  public final List<FieldInfo> fields = new ArrayList<>();

  OneofInfo(String protoName, ClassName messageClass) {
    this.protoName = protoName;
    this.stem = Names.accessorStem(protoName);
    this.caseGetter = "get" + stem + "Case";
    this.clearer = "clear" + stem;
    this.caseField = Names.camelCase(protoName, false) + "Case_";
    this.caseEnum = messageClass.nestedClass(Names.camelCase(protoName, true) + "Case");
    this.notSetConstant = Names.constantCase(protoName) + "_NOT_SET";
  }
}
