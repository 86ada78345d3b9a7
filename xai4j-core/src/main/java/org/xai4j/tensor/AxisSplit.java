package org.xai4j.tensor;

/**
 * A row-major shape seen as {@code [outer, extent, inner]} around one axis: {@code outer} is the
 * product of the extents before the axis, {@code extent} the axis' own extent and {@code inner}
 * the product of the extents after it. Element {@code (o, k, i)} sits at flat position
 * {@code (o * extent + k) * inner + i}, so an op that works "along an axis" (softmax, concat,
 * reductions) loops over {@code outer} and {@code inner} and strides by {@code inner} along the
 * axis.
 *
 * @param outer number of slices before the axis
 * @param extent length of the axis
 * @param inner number of elements after the axis (the stride along it)
 */
public record AxisSplit(int outer, int extent, int inner) {
  /** Validates that no part is negative. */
  public AxisSplit {
    if (outer < 0 || extent < 0 || inner < 0) {
      throw new IllegalArgumentException(
          "axis split [" + outer + ", " + extent + ", " + inner + "] has a negative part");
    }
  }

  /**
   * Splits {@code shape} around {@code axis}; a negative axis counts from the end.
   *
   * @throws IllegalArgumentException naming the shape if the axis is out of range
   */
  public static AxisSplit of(Shape shape, int axis) {
    int a = shape.axis(axis);
    return new AxisSplit(shape.product(0, a), shape.dim(a), shape.product(a + 1, shape.rank()));
  }

  /**
   * Splits {@code shape} into the axes before {@code axis} and the axes from {@code axis} on,
   * flattened into one: {@code [prod(dims[0..axis)), prod(dims[axis..rank)), 1]}. This is the
   * "coerce to 2-D" view of ONNX {@code Flatten} and of {@code Softmax} before opset 13;
   * {@code axis} may be {@code rank} (then the extent is 1) and negative values count from the end.
   *
   * @throws IllegalArgumentException naming the shape if the axis is outside {@code [-rank, rank]}
   */
  public static AxisSplit coerced2d(Shape shape, int axis) {
    int a = axis < 0 ? axis + shape.rank() : axis;
    if (a < 0 || a > shape.rank()) {
      throw new IllegalArgumentException("axis " + axis + " is out of range [" + -shape.rank()
          + ", " + shape.rank() + "] for shape " + shape);
    }
    return new AxisSplit(shape.product(0, a), shape.product(a, shape.rank()), 1);
  }

  /** Number of elements, {@code outer * extent * inner}. */
  public int size() {
    return outer * extent * inner;
  }

  /** The flat position of the first element of slice {@code o} at axis index {@code k}. */
  public int offset(int o, int k) {
    return (o * extent + k) * inner;
  }
}
