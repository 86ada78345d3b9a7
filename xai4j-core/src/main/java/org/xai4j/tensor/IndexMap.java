package org.xai4j.tensor;

import java.util.Arrays;

/**
 * A fixed mapping from every element of a {@code target} shape to an element of a {@code source}
 * shape, or to none: the data movement behind transposition, padding and cropping.
 *
 * <p>{@link #gather} reads the source through the map (unmapped elements get a fill value) and
 * {@link #scatterAdd} is its adjoint: it sums target values back onto the source elements they were
 * read from, which is the gradient of a gather. Both run over one precomputed {@code int[]}.
 */
public final class IndexMap {
  /** Marks a target element that reads no source element. */
  public static final int NONE = -1;

  private final Shape source;
  private final Shape target;
  private final int[] index;

  private IndexMap(Shape source, Shape target, int[] index) {
    this.source = source;
    this.target = target;
    this.index = index;
  }

  /**
   * The map of a transposition: target axis {@code i} is source axis {@code perm[i]}.
   *
   * @throws IllegalArgumentException naming the shape if {@code perm} is not a permutation of
   *     {@code 0..rank-1}
   */
  public static IndexMap permutation(Shape source, int[] perm) {
    int rank = source.rank();
    boolean[] seen = new boolean[rank];
    boolean valid = perm.length == rank;
    for (int i = 0; valid && i < rank; i++) {
      valid = perm[i] >= 0 && perm[i] < rank && !seen[perm[i]];
      if (valid) {
        seen[perm[i]] = true;
      }
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "perm " + Arrays.toString(perm) + " is not a permutation of the axes of shape " + source);
    }
    int[] strides = source.strides();
    int[] targetStrides = new int[rank];
    int[][] coordinates = new int[rank][];
    for (int i = 0; i < rank; i++) {
      targetStrides[i] = strides[perm[i]];
      coordinates[i] = identity(source.dim(perm[i]));
    }
    return build(source, targetStrides, coordinates);
  }

  /**
   * A map that keeps the axes in order and maps coordinate {@code o} of target axis {@code i} to
   * source coordinate {@code coordinates[i][o]}, or to no element where that is {@link #NONE}.
   * The target extents are the lengths of the coordinate arrays.
   *
   * @throws IllegalArgumentException naming the shape if there is not one array per axis or a
   *     coordinate is outside the source
   */
  public static IndexMap perAxis(Shape source, int[][] coordinates) {
    if (coordinates.length != source.rank()) {
      throw new IllegalArgumentException(coordinates.length
          + " coordinate maps given for shape " + source + " of rank " + source.rank());
    }
    for (int i = 0; i < coordinates.length; i++) {
      for (int c : coordinates[i]) {
        if (c != NONE && (c < 0 || c >= source.dim(i))) {
          throw new IllegalArgumentException(
              "coordinate " + c + " is outside axis " + i + " of shape " + source);
        }
      }
    }
    return build(source, source.strides(), coordinates);
  }

  private static int[] identity(int n) {
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      c[i] = i;
    }
    return c;
  }

  /** Precomputes the flat source index of every target element (an odometer over the target). */
  private static IndexMap build(Shape source, int[] strides, int[][] coordinates) {
    int rank = coordinates.length;
    int[] dims = new int[rank];
    int[][] offsets = new int[rank][];
    for (int ax = 0; ax < rank; ax++) {
      dims[ax] = coordinates[ax].length;
      offsets[ax] = new int[dims[ax]];
      for (int o = 0; o < dims[ax]; o++) {
        int c = coordinates[ax][o];
        offsets[ax][o] = c == NONE ? NONE : c * strides[ax];
      }
    }
    Shape target = Shape.of(dims);
    int[] index = new int[target.size()];
    int[] counter = new int[rank];
    for (int flat = 0; flat < index.length; flat++) {
      int src = 0;
      for (int ax = 0; ax < rank && src != NONE; ax++) {
        int off = offsets[ax][counter[ax]];
        src = off == NONE ? NONE : src + off;
      }
      index[flat] = src;
      for (int ax = rank - 1; ax >= 0 && ++counter[ax] == dims[ax]; ax--) {
        counter[ax] = 0;
      }
    }
    return new IndexMap(source, target, index);
  }

  /** The shape read from. */
  public Shape source() {
    return source;
  }

  /** The shape produced. */
  public Shape target() {
    return target;
  }

  /**
   * A target-shaped tensor whose elements are read from {@code x} through the map, and are
   * {@code fill} where the map reads nothing.
   *
   * @throws IllegalArgumentException naming both shapes if {@code x} does not have the source shape
   */
  public Tensor gather(Tensor x, float fill) {
    requireShape(x, source, "gather");
    float[] src = TensorInternals.array(x);
    float[] out = new float[index.length];
    for (int i = 0; i < index.length; i++) {
      out[i] = index[i] == NONE ? fill : src[index[i]];
    }
    return TensorInternals.adopt(target, out);
  }

  /**
   * The adjoint of {@link #gather}: a source-shaped tensor in which every element is the sum of
   * the values of {@code y} at the target elements that read it (zero if none does).
   *
   * @throws IllegalArgumentException naming both shapes if {@code y} does not have the target shape
   */
  public Tensor scatterAdd(Tensor y) {
    requireShape(y, target, "scatterAdd");
    float[] g = TensorInternals.array(y);
    float[] out = new float[source.size()];
    for (int i = 0; i < index.length; i++) {
      if (index[i] != NONE) {
        out[index[i]] += g[i];
      }
    }
    return TensorInternals.adopt(source, out);
  }

  private static void requireShape(Tensor t, Shape expected, String what) {
    if (!t.shape().equals(expected)) {
      throw new IllegalArgumentException(
          "IndexMap." + what + ": tensor has shape " + t.shape() + ", the map expects " + expected);
    }
  }

  @Override
  public String toString() {
    return "IndexMap" + source + " -> " + target;
  }
}
