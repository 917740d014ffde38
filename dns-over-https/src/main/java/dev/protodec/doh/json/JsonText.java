package dev.protodec.doh.json;

/** A minimal JSON writer: objects, arrays, strings (escaped per RFC 8259), numbers and booleans. */
final class JsonText {

  private final StringBuilder out = new StringBuilder(256);
  /** Whether the next member or element needs a comma before it. */
  private boolean comma;

  JsonText beginObject() {
    separate();
    out.append('{');
    comma = false;
    return this;
  }

  JsonText endObject() {
    out.append('}');
    comma = true;
    return this;
  }

  JsonText beginArray(String name) {
    name(name);
    out.append('[');
    comma = false;
    return this;
  }

  JsonText endArray() {
    out.append(']');
    comma = true;
    return this;
  }

  JsonText field(String name, String value) {
    name(name);
    string(value);
    comma = true;
    return this;
  }

  JsonText field(String name, long value) {
    name(name);
    out.append(value);
    comma = true;
    return this;
  }

  JsonText field(String name, boolean value) {
    name(name);
    out.append(value);
    comma = true;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void name(String name) {
    separate();
    string(name);
    out.append(':');
    comma = false;
  }

  private void separate() {
    if (comma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
