package dev.protodec.runtime;

import java.util.Arrays;

/**
 * A repeated {@code float} field (float) without boxing.
 * {@link #clear()} keeps the array for reuse.
 */
public final class RepeatedFloat {
  private static final float[] EMPTY = new float[0];

  private float[] values = EMPTY;
  private int length;

  public int size() {
    return length;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  public float get(int index) {
    checkIndex(index);
    return values[index];
  }

  public void set(int index, float value) {
    checkIndex(index);
    values[index] = value;
  }

  public void add(float value) {
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

  public void copyFrom(RepeatedFloat other) {
    length = 0;
    reserve(other.length);
    System.arraycopy(other.values, 0, values, 0, other.length);
    length = other.length;
  }

  /** The backing array, holding {@link #size()} values from index 0. Reused by the next parse. */
  public float[] array() {
    return values;
  }

  public float[] toArray() {
    return Arrays.copyOf(values, length);
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= length) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + length);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepeatedFloat
        && Arrays.equals(values, 0, length, ((RepeatedFloat) o).values, 0, ((RepeatedFloat) o).length);
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + Float.hashCode(values[i]);
    }
    return h;
  }

  @Override
  public String toString() {
    return Arrays.toString(toArray());
  }
}
