package dev.protodec.runtime;

import java.util.Arrays;

/**
 * A repeated {@code boolean} field (bool) without boxing.
 * {@link #clear()} keeps the array for reuse.
 */
public final class RepeatedBoolean {
  private static final boolean[] EMPTY = new boolean[0];

  private boolean[] values = EMPTY;
  private int length;

  public int size() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  public boolean get(int index) {
    checkIndex(index);
    return values[index];
  }

  public void set(int index, boolean value) {
    checkIndex(index);
    values[index] = value;
  }

  public void add(boolean value) {
    if (length == values.length) {
      values = Arrays.copyOf(values, Math.max(8, length * 2));
    }
    values[length++] = value;
  }

  /** Makes room for {@code count} more values: packed fixed-width fields know their count up front. */
  public void reserve(int count) {
    if (values.length - length < count) {
      values = Arrays.copyOf(values, length + count);
    }
  }

  public void clear() {
    length = 0;
  }

  public void copyFrom(RepeatedBoolean other) {
    length = 0;
    reserve(other.length);
    System.arraycopy(other.values, 0, values, 0, other.length);
    length = other.length;
  }

  /** The backing array, holding {@link #size()} values from index 0. Reused by the next parse. */
  public boolean[] array() {
    return values;
  }

  public boolean[] toArray() {
    return Arrays.copyOf(values, length);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepeatedBoolean
        && Arrays.equals(values, 0, length, ((RepeatedBoolean) o).values, 0, ((RepeatedBoolean) o).length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + Boolean.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return Arrays.toString(toArray());
  }
}
