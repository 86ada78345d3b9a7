package org.xai4j.onnx;

import java.util.Arrays;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A constant known while importing: an initializer, a {@code Constant} node or a folded shape
 * computation. Integer and boolean values (shape arithmetic) are held as doubles, which represent
 * every int64 up to 2^53 exactly; float values (weights) are held as the float32 {@link Tensor}
 * they become, so a weight is stored once, in its final form.
 */
final class HostTensor {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private final Shape shape;
  private final boolean integral;
  /** The values of an integral constant; {@code null} for a float one. */
  private final double[] integers;
  /** The values of a float constant; {@code null} for an integral one. */
  private final Tensor floats;

  /**
   * A constant from row-major values; float values ({@code integral == false}) are rounded to float32.
   *
   * @throws IllegalArgumentException if the number of values does not match the shape
   */
  HostTensor(Shape shape, double[] values, boolean integral) {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(
          "constant of shape " + shape + " needs " + shape.size() + " values, got " + values.length);
    }
    this.shape = shape;
    this.integral = integral;
    this.integers = integral ? values : null;
    this.floats = integral ? null : Tensor.of(shape, values);
  }

  private HostTensor(Tensor floats) {
    this.shape = floats.shape();
    this.integral = false;
    this.integers = null;
    this.floats = floats;
  }

  /** An integer vector. */
  static HostTensor ints(long... v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return new HostTensor(Shape.of(v.length), d, true);
  }

  /** A float constant holding {@code t} itself (no copy). */
  static HostTensor of(Tensor t) {
    return new HostTensor(t);
  }

  /** A float constant over {@code values}, which the caller gives up (no copy). */
  static HostTensor adoptFloats(Shape shape, float[] values) {
    return new HostTensor(INTERNALS.adopt(shape, values));
  }

  /** The extents. */
  Shape shape() {
    return shape;
  }

  /** Whether the ONNX element type is an integer or boolean type. */
  boolean integral() {
    return integral;
  }

  /**
   * The row-major values as doubles: an integral constant's own array (not to be modified), a
   * copy for a float constant.
   */
  double[] values() {
    return integral ? integers : floats.toDoubleArray();
  }

  /** As a float32 tensor (a float constant's own tensor, without copying). */
  Tensor toTensor() {
    return integral ? Tensor.of(shape, integers) : floats;
  }

  /** The values as longs (truncating toward zero). */
  long[] longs() {
    double[] v = values();
    long[] l = new long[v.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = (long) v[i];
    }
    return l;
  }

  /**
   * The values as ints, for axes and extents.
   *
   * @throws IllegalArgumentException naming the value if one does not fit an {@code int}
   */
  int[] ints() {
    double[] v = values();
    int[] l = new int[v.length];
    for (int i = 0; i < l.length; i++) {
      if (!(v[i] >= Integer.MIN_VALUE && v[i] <= Integer.MAX_VALUE)) {
        throw new IllegalArgumentException("value " + v[i] + " at index " + i + " of constant " + this
            + " is outside the 32-bit range xai4j supports for axes and extents");
      }
      l[i] = (int) (long) v[i];
    }
    return l;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HostTensor h) || !h.shape.equals(shape) || h.integral != integral) {
      return false;
    }
    return integral ? Arrays.equals(h.integers, integers)
        : h.floats == floats || Arrays.equals(INTERNALS.array(h.floats), INTERNALS.array(floats));
  }

  @Override
  public int hashCode() {
    return shape.hashCode() * 31 + Boolean.hashCode(integral);
  }

  @Override
  public String toString() {
    return (integral ? "int" : "float") + shape + (shape.size() <= 8 ? Arrays.toString(values()) : "");
  }
}
