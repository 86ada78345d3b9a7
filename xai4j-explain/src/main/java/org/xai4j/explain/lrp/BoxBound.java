package org.xai4j.explain.lrp;

import java.util.Arrays;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * A bound of the input domain for the zB (box) rule: one value for every element, or one value per
 * channel (axis 1 of an {@code [N, C, ...]} input; the feature axis of an {@code [N, F]} input).
 */
public final class BoxBound {
  private static final int CHANNEL_AXIS = 1;

  private final float[] values;

  private BoxBound(float[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a box bound needs at least one value");
    }
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException("box bound values must be finite, got " + Arrays.toString(values));
      }
    }
    this.values = values;
  }

  /** The same bound for every input element. */
  public static BoxBound scalar(float value) {
    return new BoxBound(new float[] {value});
  }

  /** One bound per channel (axis 1 of the input). */
  public static BoxBound perChannel(float... values) {
    return new BoxBound(values.clone());
  }

  /** Whether this bound has one value for all elements. */
  public boolean isScalar() {
    return values.length == 1;
  }

  /** Whether {@code other} is at least this bound everywhere (same layout). */
  boolean atMost(BoxBound other) {
    if (other.values.length != values.length && !isScalar() && !other.isScalar()) {
      throw new IllegalArgumentException("box bounds " + this + " and " + other + " have different channel counts");
    }
    int n = Math.max(values.length, other.values.length);
    for (int i = 0; i < n; i++) {
      if (value(i) > other.value(i)) {
        return false;
      }
    }
    return true;
  }

  private float value(int channel) {
    return isScalar() ? values[0] : values[channel];
  }

  /**
   * A tensor of the given input shape filled with this bound.
   *
   * @throws IllegalArgumentException if the bound is per channel and axis 1 of {@code shape} has
   *     another extent
   */
  public Tensor fill(Shape shape) {
    if (isScalar()) {
      return Tensor.full(shape, values[0]);
    }
    if (shape.rank() < 2 || shape.dim(CHANNEL_AXIS) != values.length) {
      throw new IllegalArgumentException("box bound with " + values.length
          + " channel values does not fit input shape " + shape + " (channels on axis 1)");
    }
    int channels = values.length;
    int inner = shape.product(CHANNEL_AXIS + 1, shape.rank());
    float[] d = new float[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = values[(i / inner) % channels];
    }
    return Tensor.of(shape, d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BoxBound b && Arrays.equals(b.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return isScalar() ? Float.toString(values[0]) : Arrays.toString(values);
  }
}
