package dev.protodec.runtime;

import java.util.Arrays;

/**
 * A repeated {@code double} field (double) without boxing.
 * {@link #clear()} keeps the array for reuse.
 */
public final class RepeatedDouble {
  private static final double[] EMPTY = new double[0];

  private double[] values = EMPTY;
  private int length;

  public int size() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  public double get(int index) {
    checkIndex(index);
    return values[index];
  }

  public void set(int index, double value) {
    checkIndex(index);
    values[index] = value;
  }

  public void add(double value) {
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

  public void copyFrom(RepeatedDouble other) {
    length = 0;
    reserve(other.length);
    System.arraycopy(other.values, 0, values, 0, other.length);
    length = other.length;
  }

  /** The backing array, holding {@link #size()} values from index 0. Reused by the next parse. */
  public double[] array() {
    return values;
  }

  public double[] toArray() {
    return Arrays.copyOf(values, length);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepeatedDouble
        && Arrays.equals(values, 0, length, ((RepeatedDouble) o).values, 0, ((RepeatedDouble) o).length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + Double.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return Arrays.toString(toArray());
  }
}
