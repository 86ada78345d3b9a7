package org.xai4j.tensor;

import java.util.Arrays;
import org.xai4j.limit.Limit;

/**
 * The dimensions of a {@link Tensor}: an immutable list of non-negative extents, outermost first
 * (row-major). Images are laid out NCHW.
 *
 * <p>Negative axis arguments count from the end, as in NumPy and ONNX ({@code -1} is the last axis).
 *
 * <p>Every shape is a shape some tensor will have, so creating one checks its element count against
 * {@link Limit#TENSOR_ELEMENTS} (overflow-safe): a declared or inferred shape that is too large
 * fails here, before anything is allocated, wherever it comes from (a file, shape inference or an
 * op's forward pass).
 */
public final class Shape {
  private static final Shape SCALAR = new Shape(new int[0]);

  private final int[] dims;
  private final long size;

  private Shape(int[] dims) {
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] < 0) {
        throw new IllegalArgumentException(
            "dimension " + i + " of shape " + Arrays.toString(dims) + " is negative");
      }
      // Saturates instead of overflowing (the extents of a hostile file can be any int); an empty
      // axis makes the product 0 whatever came before.
      n = dims[i] == 0 ? 0 : n > Long.MAX_VALUE / dims[i] ? Long.MAX_VALUE : n * dims[i];
    }
    Limit.TENSOR_ELEMENTS.check(n, () -> "shape " + Arrays.toString(dims));
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has "
          + (n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : n) + " elements, more than a Java array holds");
    }
    this.dims = dims;
    this.size = n;
  }

  /** A shape with the given extents; the array is copied. */
  public static Shape of(int... dims) {
    return dims.length == 0 ? SCALAR : new Shape(dims.clone());
  }

  /** The rank-0 shape of a scalar (one element). */
  public static Shape scalar() {
    return SCALAR;
  }

  /** Number of axes. */
  public int rank() {
    return dims.length;
  }

  /** Extent of an axis; negative axes count from the end. */
  public int dim(int axis) {
    return dims[axis(axis)];
  }

  /** Total number of elements (the product of all extents; 1 for a scalar). */
  public int size() {
    return (int) size;
  }

  /** A copy of the extents. */
  public int[] toArray() {
    return dims.clone();
  }

  /**
   * Normalizes an axis argument to {@code [0, rank)}.
   *
   * @throws IllegalArgumentException if the axis is out of range, naming the shape
   */
  public int axis(int axis) {
    int a = axis < 0 ? axis + dims.length : axis;
    if (a < 0 || a >= dims.length) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + this);
    }
    return a;
  }

  /** Row-major strides in elements. */
  public int[] strides() {
    int[] s = new int[dims.length];
    int stride = 1;
    for (int i = dims.length - 1; i >= 0; i--) {
      s[i] = stride;
      stride *= dims[i];
    }
    return s;
  }

  /** Product of the extents in {@code [from, to)}. */
  public int product(int from, int to) {
    int p = 1;
    for (int i = from; i < to; i++) {
      p *= dims[i];
    }
    return p;
  }

  /** This shape with one axis replaced by a new extent. */
  public Shape withDim(int axis, int extent) {
    int[] d = dims.clone();
    d[axis(axis)] = extent;
    return new Shape(d);
  }

  /**
   * Resolves a reshape target in which at most one extent is {@code -1} (inferred) and {@code 0}
   * copies this shape's extent at the same position (ONNX semantics unless {@code allowZero}).
   */
  public Shape reshape(int[] target, boolean allowZero) {
    int[] d = target.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < d.length; i++) {
      if (d[i] == -1) {
        if (infer >= 0) {
          throw new IllegalArgumentException(
              "reshape target " + Arrays.toString(target) + " has more than one -1");
        }
        infer = i;
        continue;
      }
      if (d[i] == 0 && !allowZero) {
        if (i >= dims.length) {
          throw new IllegalArgumentException("reshape target " + Arrays.toString(target)
              + " copies axis " + i + " which shape " + this + " does not have");
        }
        d[i] = dims[i];
      }
      if (d[i] < 0) {
        throw new IllegalArgumentException(
            "reshape target " + Arrays.toString(target) + " has a negative extent");
      }
      known *= d[i];
    }
    if (infer >= 0) {
      if (known == 0 || size % known != 0) {
        throw new IllegalArgumentException("cannot reshape " + this + " (" + size
            + " elements) to " + Arrays.toString(target));
      }
      d[infer] = (int) (size / known);
    } else if (known != size) {
      throw new IllegalArgumentException("cannot reshape " + this + " (" + size
          + " elements) to " + Arrays.toString(target) + " (" + known + " elements)");
    }
    return new Shape(d);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape && Arrays.equals(dims, ((Shape) o).dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Formats as {@code [1, 3, 224, 224]}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
