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
    if (!isPermutation(perm, rank)) {
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

  /** Whether {@code perm} holds each of {@code 0..rank-1} exactly once. */
  public static boolean isPermutation(int[] perm, int rank) {
    boolean[] seen = new boolean[rank];
    if (perm.length != rank) {
      return false;
    }
    for (int p : perm) {
      if (p < 0 || p >= rank || seen[p]) {
        return false;
      }
      seen[p] = true;
    }
    return true;
  }

  /**
   * The map to an empty {@code target} (one with a zero extent), which reads nothing.
   *
   * @throws IllegalArgumentException naming the shape if {@code target} is not empty
   */
  public static IndexMap empty(Shape source, Shape target) {
    if (target.size() != 0) {
      throw new IllegalArgumentException("shape " + target + " is not empty");
    }
    return new IndexMap(source, target, new int[0]);
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

  /**
   * The map of broadcasting {@code source} to {@code target} (see {@link Broadcast}): a leading
   * axis that {@code source} lacks, or one where it has extent 1, reads source coordinate 0 at
   * every target coordinate.
   *
   * @throws IllegalArgumentException naming both shapes if {@code source} does not broadcast to
   *     {@code target}
   */
  public static IndexMap broadcast(Shape source, Shape target) {
    if (!Broadcast.shape(source, target).equals(target)) {
      throw new IllegalArgumentException("shape " + source + " does not broadcast to " + target);
    }
    int rank = target.rank();
    int lead = rank - source.rank();
    int[] sourceStrides = source.strides();
    int[] strides = new int[rank];
    int[][] coordinates = new int[rank][];
    for (int ax = 0; ax < rank; ax++) {
      boolean stretched = ax < lead || source.dim(ax - lead) == 1;
      coordinates[ax] = stretched ? new int[target.dim(ax)] : identity(target.dim(ax));
      strides[ax] = ax < lead ? 0 : sourceStrides[ax - lead];
    }
    return build(source, strides, coordinates);
  }

  /**
   * Precomputes the flat source index of every target element: target axis {@code ax} at
   * coordinate {@code o} reads source coordinate {@code coordinates[ax][o]} with stride
   * {@code strides[ax]}. The last axis is a tight inner loop; an odometer over the other axes
   * keeps the sum of their current offsets and the number of them whose current coordinate reads
   * nothing, updating only the axes that move.
   */
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
    if (rank == 0 || index.length == 0) {
      return new IndexMap(source, target, index);
    }
    int last = rank - 1;
    int[] row = offsets[last];
    int[] counter = new int[last];
    int src = 0;
    int unmapped = 0;
    for (int ax = 0; ax < last; ax++) {
      int off = offsets[ax][0];
      unmapped += off == NONE ? 1 : 0;
      src += off == NONE ? 0 : off;
    }
    for (int start = 0; start < index.length; start += row.length) {
      for (int o = 0; o < row.length; o++) {
        index[start + o] = unmapped > 0 || row[o] == NONE ? NONE : src + row[o];
      }
      for (int ax = last - 1; ax >= 0; ax--) {
        int before = offsets[ax][counter[ax]];
        counter[ax] = counter[ax] + 1 == dims[ax] ? 0 : counter[ax] + 1;
        int after = offsets[ax][counter[ax]];
        unmapped += (after == NONE ? 1 : 0) - (before == NONE ? 1 : 0);
        src += (after == NONE ? 0 : after) - (before == NONE ? 0 : before);
        if (counter[ax] != 0) {
          break;
        }
      }
    }
    return new IndexMap(source, target, index);
  }

  /** The flat source index of every target element, {@link #NONE} where it reads nothing. */
  int[] indices() {
    return index;
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
    float[] src = x.data();
    float[] out = new float[index.length];
    for (int i = 0; i < index.length; i++) {
      out[i] = index[i] == NONE ? fill : src[index[i]];
    }
    return new Tensor(target, out);
  }

  /**
   * The adjoint of {@link #gather}: a source-shaped tensor in which every element is the sum of
   * the values of {@code y} at the target elements that read it (zero if none does).
   *
   * @throws IllegalArgumentException naming both shapes if {@code y} does not have the target shape
   */
  public Tensor scatterAdd(Tensor y) {
    requireShape(y, target, "scatterAdd");
    float[] g = y.data();
    float[] out = new float[source.size()];
    for (int i = 0; i < index.length; i++) {
      if (index[i] != NONE) {
        out[index[i]] += g[i];
      }
    }
    return new Tensor(source, out);
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
