package dev.protodec.runtime;

/** A repeated bytes field of reusable {@link ProtoBytes}. */
public final class RepeatedBytes extends RepeatedObjects<ProtoBytes> {
  @Override
  protected ProtoBytes newElement() {
    return new ProtoBytes();
  }

  @Override
  protected void clearElement(ProtoBytes element) {
    element.clear();
  }

  @Override
  protected void detachElement(ProtoBytes element) {
    element.detach();
  }

  public void add(byte[] value) {
    add().set(value);
  }
}
