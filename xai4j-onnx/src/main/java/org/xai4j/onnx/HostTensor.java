package org.xai4j.onnx;

import java.util.Arrays;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * A constant known while importing: an initializer, a {@code Constant} node or a folded shape
 * computation. Values are held as doubles, which represent every float32 and every int64 up to
 * 2^53 exactly, so shape arithmetic and float constants share one representation.
 *
 * @param shape the extents
 * @param values row-major values
 * @param integral whether the ONNX element type is an integer or boolean type
 */
record HostTensor(Shape shape, double[] values, boolean integral) {

  HostTensor {
    if (values.length != shape.size()) {
      throw new IllegalArgumentException(
          "constant of shape " + shape + " needs " + shape.size() + " values, got " + values.length);
    }
  }

  /** An integer vector. */
  static HostTensor ints(long... v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return new HostTensor(Shape.of(v.length), d, true);
  }

  /** A float constant from a tensor. */
  static HostTensor of(Tensor t) {
    return new HostTensor(t.shape(), t.toDoubleArray(), false);
  }

  /** As a float32 tensor. */
  Tensor toTensor() {
    return Tensor.of(shape, values);
  }

  /** The values as longs (truncating toward zero). */
  long[] longs() {
    long[] l = new long[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = (long) values[i];
    }
    return l;
  }

  /** The values as ints, for axes and extents. */
  int[] ints() {
    int[] l = new int[values.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = Math.toIntExact((long) values[i]);
    }
    return l;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostTensor h && h.shape.equals(shape) && h.integral == integral
        && Arrays.equals(h.values, values);
  }

  @Override
  public int hashCode() {
    return shape.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return (integral ? "int" : "float") + shape
        + (values.length <= 8 ? Arrays.toString(values) : "");
  }
}
