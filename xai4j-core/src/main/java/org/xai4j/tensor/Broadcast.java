package org.xai4j.tensor;

/**
 * NumPy/ONNX multidirectional broadcasting: shapes are aligned at their last axis and each pair
 * of extents must be equal or one of them 1.
 */
public final class Broadcast {
  private Broadcast() {}

  /**
   * The broadcast result of two shapes.
   *
   * @throws IllegalArgumentException naming both shapes if they are not compatible
   */
  public static Shape shape(Shape a, Shape b) {
    int rank = Math.max(a.rank(), b.rank());
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = extentFromEnd(a, rank - 1 - i);
      int db = extentFromEnd(b, rank - 1 - i);
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException("shapes " + a + " and " + b
            + " cannot be broadcast: axis " + i + " of the result has extents " + da + " and " + db);
      }
      out[i] = da == 1 ? db : da;
    }
    return Shape.of(out);
  }

  private static int extentFromEnd(Shape s, int fromEnd) {
    int axis = s.rank() - 1 - fromEnd;
    return axis < 0 ? 1 : s.dim(axis);
  }

  /**
   * For every element of {@code target} (row-major), the flat index of the element of
   * {@code source} it reads when {@code source} is broadcast to {@code target}.
   *
   * @throws IllegalArgumentException naming both shapes if {@code source} does not broadcast to
   *     {@code target}
   */
  public static int[] sourceIndex(Shape source, Shape target) {
    return IndexMap.broadcast(source, target).indices();
  }

  /**
   * Sums a tensor of shape {@code from} down to {@code to}, the shape it was broadcast from: the
   * adjoint of broadcasting, used for gradients of broadcasting ops.
   */
  public static Tensor reduceTo(Tensor from, Shape to) {
    if (from.shape().equals(to)) {
      return from;
    }
    return IndexMap.broadcast(to, from.shape()).scatterAdd(from);
  }
}
