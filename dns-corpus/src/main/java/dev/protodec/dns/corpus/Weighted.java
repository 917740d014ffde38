package dev.protodec.dns.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fixed choice among values by integer weights; draws use the caller's {@link Random}, so a seeded
 * generator stays deterministic.
 *
 * @param <T> the values
 */
final class Weighted<T> {
  private final List<T> values = new ArrayList<>();
  private final List<Integer> cumulative = new ArrayList<>();
  private int total;

  static <T> Weighted<T> of(T value, int weight) {
    return new Weighted<T>().or(value, weight);
  }

  Weighted<T> or(T value, int weight) {
    if (weight <= 0) {
      throw new IllegalArgumentException("weight of " + value + " must be positive, was " + weight);
    }
    total += weight;
    values.add(value);
    cumulative.add(total);
    return this;
  }

  T pick(Random random) {
    int r = random.nextInt(total);
    for (int i = 0; ; i++) {
      if (r < cumulative.get(i)) {
        return values.get(i);
      }
    }
  }
}
