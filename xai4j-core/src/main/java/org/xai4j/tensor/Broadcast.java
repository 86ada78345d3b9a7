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
   */
  public static int[] sourceIndex(Shape source, Shape target) {
    if (!shape(source, target).equals(target)) {
      throw new IllegalArgumentException("shape " + source + " does not broadcast to " + target);
    }
    int rank = target.rank();
    int offset = rank - source.rank();
    int[] srcStrides = new int[rank];
    int[] sStrides = source.strides();
    for (int i = 0; i < source.rank(); i++) {
      srcStrides[offset + i] = source.dim(i) == 1 ? 0 : sStrides[i];
    }
    int n = target.size();
    int[] index = new int[n];
    int[] counter = new int[rank];
    int src = 0;
    for (int flat = 0; flat < n; flat++) {
      index[flat] = src;
      for (int ax = rank - 1; ax >= 0; ax--) {
        counter[ax]++;
        src += srcStrides[ax];
        if (counter[ax] < target.dim(ax)) {
          break;
        }
        src -= srcStrides[ax] * counter[ax];
        counter[ax] = 0;
      }
    }
    return index;
  }

  /**
   * Sums a tensor of shape {@code from} down to {@code to}, the shape it was broadcast from: the
   * adjoint of broadcasting, used for gradients of broadcasting ops.
   */
  public static Tensor reduceTo(Tensor from, Shape to) {
    if (from.shape().equals(to)) {
      return from;
    }
    int[] index = sourceIndex(to, from.shape());
    float[] src = TensorInternals.array(from);
    float[] out = new float[to.size()];
    for (int i = 0; i < index.length; i++) {
      out[index[i]] += src[i];
    }
    return TensorInternals.adopt(to, out);
  }
}
