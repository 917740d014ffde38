package dev.protodec.runtime;

import java.util.function.Supplier;

/**
 * A repeated message field. Element messages are allocated once and reused across {@code clear()}.
 *
 * @param <T> the generated message type
 */
public final class RepeatedMessage<T extends ProtoMessage<T>> extends RepeatedObjects<T> {
  private final Supplier<T> factory;

  private RepeatedMessage(Supplier<T> factory) {
    this.factory = factory;
  }

  public static <T extends ProtoMessage<T>> RepeatedMessage<T> newInstance(Supplier<T> factory) {
    return new RepeatedMessage<>(factory);
  }

  @Override
  protected T newElement() {
    return factory.get();
  }

  @Override
  protected void clearElement(T element) {
    element.clear();
  }
}
