package dev.protodec.codegen.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Every Java name one field puts into its message class, decided once, here: the emitters only use them.
 * A name the field does not have (no has-er for a repeated field, no {@code getXUtf8()} for an int) is
 * null. {@link MemberNames} computes them per message and makes them unique in the class.
 *
 * @param stem accessor stem: {@code foo_bar} → {@code FooBar} ({@code FooBar7} when disambiguated)
 * @param storage the Java field holding the value: {@code fooBar_}
 * @param numberConstant {@code FOO_BAR_FIELD_NUMBER}
 * @param defaultConstant the constant holding a proto2 string or bytes default: {@code DEFAULT_FOO_BAR}
 * @param has {@code hasFooBar()}, for fields with presence
 * @param get {@code getFooBar()}; for repeated fields {@code getFooBar(int)}
 * @param set {@code setFooBar(v)}, singular fields
 * @param clear {@code clearFooBar()}
 * @param getUtf8 {@code getFooBarUtf8()}, singular strings
 * @param getValue {@code getFooBarValue()}, singular enums
 * @param setValue {@code setFooBarValue(int)}, singular open enums
 * @param mutable {@code mutableFooBar()}, singular messages
 * @param count {@code getFooBarCount()}, repeated fields and maps
 * @param list {@code getFooBarList()}, repeated fields
 * @param add {@code addFooBar(v)} or {@code addFooBar()}, repeated fields
 * @param map {@code getFooBarMap()}, maps
 * @param entries {@code getFooBarEntries()}, maps
 * @param put {@code putFooBar()}, maps
 */
public record FieldNames(String stem, String storage, String numberConstant, String defaultConstant,
    String has, String get, String set, String clear, String getUtf8, String getValue, String setValue,
    String mutable, String count, String list, String add, String map, String entries, String put) {

  /**
   * The names of {@code field} from {@code stem} and {@code lowerStem} (its storage stem), with {@code
   * suffix} (empty, or the field number when disambiguated) on the constants.
   */
  static FieldNames of(FieldInfo field, String stem, String lowerStem, String suffix) {
    String constantStem = Names.constantCase(field.protoName) + suffix;
    boolean map = field.isMap();
    boolean repeated = field.repeated;
    boolean singular = !repeated;
    boolean hasDefaultConstant = field.defaultText != null
        && (field.kind == Kind.STRING || field.kind == Kind.BYTES);
    return new FieldNames(
        stem,
        lowerStem + "_",
        constantStem + "_FIELD_NUMBER",
        hasDefaultConstant ? "DEFAULT_" + constantStem : null,
        field.hasPresence() ? "has" + stem : null,
        map ? null : "get" + stem,
        singular ? "set" + stem : null,
        "clear" + stem,
        singular && field.kind == Kind.STRING ? "get" + stem + "Utf8" : null,
        singular && field.kind == Kind.ENUM ? "get" + stem + "Value" : null,
        singular && field.kind == Kind.ENUM && field.enumType().open ? "set" + stem + "Value" : null,
        singular && field.isMessage() ? "mutable" + stem : null,
        repeated ? "get" + stem + "Count" : null,
        repeated && !map ? "get" + stem + "List" : null,
        repeated && !map ? "add" + stem : null,
        map ? "get" + stem + "Map" : null,
        map ? "get" + stem + "Entries" : null,
        map ? "put" + stem : null);
  }

  /**
   * The members these names declare, each as {@code name/arity} for methods (a Java class may overload by
   * arity: {@code getFoo()} beside {@code getFoo(int)}) and {@code name} for fields and constants.
   */
  List<String> members(FieldInfo field) {
    List<String> members = new ArrayList<>();
    members.add(storage);
    members.add(numberConstant);
    if (defaultConstant != null) {
      members.add(defaultConstant);
    }
    addMethod(members, has, 0);
    addMethod(members, get, field.repeated ? 1 : 0);
    addMethod(members, set, 1);
    addMethod(members, clear, 0);
    addMethod(members, getUtf8, 0);
    addMethod(members, getValue, 0);
    addMethod(members, setValue, 1);
    addMethod(members, mutable, 0);
    addMethod(members, count, 0);
    addMethod(members, list, 0);
    addMethod(members, add, field.isMessage() ? 0 : 1);
    addMethod(members, map, 0);
    addMethod(members, entries, 0);
    addMethod(members, put, 0);
    return members;
  }

  private static void addMethod(List<String> members, String name, int arity) {
    if (name != null) {
      members.add(name + "/" + arity);
    }
  }
}
