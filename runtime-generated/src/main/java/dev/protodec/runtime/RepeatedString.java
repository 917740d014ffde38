package dev.protodec.runtime;

/** A repeated string field; elements stay UTF-8 until a {@link String} is asked for. */
public final class RepeatedString extends RepeatedObjects<Utf8String> {
  @Override
  protected Utf8String newElement() {
    return new Utf8String();
  }

  @Override
  protected void clearElement(Utf8String element) {
    element.clear();
  }

  @Override
  protected void detachElement(Utf8String element) {
    element.detach();
  }

  /** The element at {@code index} as a Java string (decoded once, then cached). */
  public String getString(int index) {
    return get(index).toString();
  }

  public void add(String value) {
    add().set(value);
  }
}
