package dev.protodec.runtime;

import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

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

  /**
   * The number of distinct keys among these elements, a map field's entries, as {@code sameKey} and
   * {@code keyHash} compare them: the map's size, without building the map (the generated {@code
   * getXCount()}). Up to 16 entries by comparing pairs; above, with a table of entry indexes.
   */
  public int distinctKeyCount(BiPredicate<T, T> sameKey, ToIntFunction<T> keyHash) {
    int n = size();
    int count = 0;
    if (n <= 16) {
      next:
      for (int i = 0; i < n; i++) {
        T entry = get(i);
        for (int j = i + 1; j < n; j++) {
          if (sameKey.test(entry, get(j))) {
            continue next; // a later entry replaces this one
          }
        }
        count++;
      }
      return count;
    }
    int[] slots = new int[Integer.highestOneBit(n) << 2]; // index + 1 per slot, 0 for free; under 50% full
    int mask = slots.length - 1;
    next:
    for (int i = 0; i < n; i++) {
      T entry = get(i);
      int slot = mix(keyHash.applyAsInt(entry)) & mask;
      while (slots[slot] != 0) {
        if (sameKey.test(get(slots[slot] - 1), entry)) {
          continue next;
        }
        slot = (slot + 1) & mask;
      }
      slots[slot] = i + 1;
      count++;
    }
    return count;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  @Override
  protected T newElement() {
    return factory.get();
  }

  @Override
  protected void clearElement(T element) {
    element.clear();
  }

  @Override
  protected void detachElement(T element) {
    element.detach();
  }
}
