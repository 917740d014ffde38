package dev.protodec.runtime;

/** Builds the protobuf text format for {@code toString()}: {@code name: value} lines, nested blocks. */
@GeneratedCodeOnly
public final class ProtoPrinter {
  private final StringBuilder out = new StringBuilder();
  private int indent;

  private StringBuilder line(String name) {
    for (int i = 0; i < indent; i++) {
      out.append("  ");
    }
    return out.append(name);
  }

  public void field(String name, long value) {
    line(name).append(": ").append(value).append('\n');
  }

  public void field(String name, boolean value) {
    line(name).append(": ").append(value).append('\n');
  }

  public void field(String name, double value) {
    line(name).append(": ").append(value).append('\n');
  }

  public void field(String name, float value) {
    line(name).append(": ").append(value).append('\n');
  }

  public void unsigned32(String name, int value) {
    line(name).append(": ").append(Integer.toUnsignedString(value)).append('\n');
  }

  public void unsigned64(String name, long value) {
    line(name).append(": ").append(Long.toUnsignedString(value)).append('\n');
  }

  public void enumValue(String name, String valueName) {
    line(name).append(": ").append(valueName).append('\n');
  }

  public void string(String name, Utf8String value) {
    String text = value.decodeOrNull();
    line(name).append(": \"").append(text != null ? TextEscaper.escapeText(text)
        : TextEscaper.escapeBytes(value.utf8Array(), value.utf8Offset(), value.utf8Length())).append("\"\n");
  }

  public void bytes(String name, ProtoBytes value) {
    line(name).append(": \"").append(value).append("\"\n");
  }

  public void message(String name, ProtoMessage<?> value) {
    line(name).append(" {\n");
    indent++;
    value.printFields(this);
    indent--;
    line("}\n");
  }

  public void unknownFields(ProtoBytes unknown) {
    if (!unknown.isEmpty()) {
      line("# unknown fields: ").append(unknown.length()).append(" bytes \"").append(unknown).append("\"\n");
    }
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
