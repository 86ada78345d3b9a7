package org.xai4j.onnx;

import org.xai4j.tensor.Shape;

/**
 * Import-time evaluation, in double precision (exact on int64 shape values up to 2^53), of the ops
 * that only occur on constants: {@code Gather} of shape values, {@code ConstantOfShape},
 * {@code Range} and {@code ScatterND}, which PyTorch emits to build masks and shapes (Swin's
 * shifted-window mask, ViT's expand target). They have no graph op; every other op on constants is
 * folded by running its xai4j op ({@link ImportContext#emit}).
 */
final class StaticOps {
  private StaticOps() {}

  /** ONNX {@code Gather} along {@code axis}; negative indices count from the end. */
  static HostTensor gather(HostTensor data, HostTensor indices, int axis) {
    Shape s = data.shape();
    int a = s.axis(axis);
    int outer = s.product(0, a);
    int n = s.dim(a);
    int inner = s.product(a + 1, s.rank());
    long[] idx = indices.longs();
    int[] dims = new int[s.rank() - 1 + indices.shape().rank()];
    int j = 0;
    for (int i = 0; i < a; i++) {
      dims[j++] = s.dim(i);
    }
    for (int d : indices.shape().toArray()) {
      dims[j++] = d;
    }
    for (int i = a + 1; i < s.rank(); i++) {
      dims[j++] = s.dim(i);
    }
    Shape shape = Shape.of(dims);
    double[] values = data.values();
    double[] out = new double[shape.size()];
    for (int o = 0; o < outer; o++) {
      for (int k = 0; k < idx.length; k++) {
        long i = idx[k] < 0 ? idx[k] + n : idx[k];
        if (i < 0 || i >= n) {
          throw new IllegalArgumentException("Gather index " + idx[k] + " is outside axis " + axis
              + " of shape " + s);
        }
        System.arraycopy(values, (int) ((o * n + i) * inner), out, (o * idx.length + k) * inner, inner);
      }
    }
    return new HostTensor(shape, out, data.integral());
  }

  /** ONNX {@code ConstantOfShape}: a tensor of the given extents filled with {@code value}. */
  static HostTensor constantOfShape(HostTensor shape, HostTensor value) {
    if (value.values().length != 1) {
      throw new IllegalArgumentException("ConstantOfShape value must hold one element, got " + value.shape());
    }
    Shape s = Shape.of(shape.ints());
    double[] v = new double[s.size()];
    java.util.Arrays.fill(v, value.values()[0]);
    return new HostTensor(s, v, value.integral());
  }

  /**
   * ONNX {@code Range}: {@code start, start + delta, ...} below {@code limit} (above it for a
   * negative delta), {@code max(ceil((limit - start) / delta), 0)} elements.
   */
  static HostTensor range(HostTensor start, HostTensor limit, HostTensor delta) {
    double a = scalar(start, "start");
    double d = scalar(delta, "delta");
    if (d == 0) {
      throw new IllegalArgumentException("Range delta is 0");
    }
    int n = (int) Math.max(Math.ceil((scalar(limit, "limit") - a) / d), 0);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = a + i * d;
    }
    return new HostTensor(Shape.of(n), v, start.integral() && delta.integral());
  }

  private static double scalar(HostTensor t, String role) {
    if (t.values().length != 1) {
      throw new IllegalArgumentException("Range " + role + " must be a scalar, got " + t.shape());
    }
    return t.values()[0];
  }

  /**
   * ONNX {@code ScatterND} without reduction: a copy of {@code data} in which the slice addressed
   * by each index tuple (the last axis of {@code indices}, negative entries counting from the end)
   * is replaced by the matching slice of {@code updates}.
   */
  static HostTensor scatterNd(HostTensor data, HostTensor indices, HostTensor updates) {
    Shape s = data.shape();
    Shape is = indices.shape();
    int k = is.dim(is.rank() - 1);
    int tuples = is.product(0, is.rank() - 1);
    if (k > s.rank()) {
      throw new IllegalArgumentException("ScatterND index tuples of length " + k + " for data of shape " + s);
    }
    int slice = s.product(k, s.rank());
    if (updates.values().length != tuples * slice) {
      throw new IllegalArgumentException("ScatterND updates " + updates.shape() + " do not match indices " + is
          + " into data " + s);
    }
    int[] strides = s.strides();
    long[] idx = indices.longs();
    double[] out = data.values().clone();
    for (int t = 0; t < tuples; t++) {
      int offset = 0;
      for (int j = 0; j < k; j++) {
        long i = idx[t * k + j];
        long c = i < 0 ? i + s.dim(j) : i;
        if (c < 0 || c >= s.dim(j)) {
          throw new IllegalArgumentException("ScatterND index " + i + " is outside axis " + j + " of shape " + s);
        }
        offset += (int) c * strides[j];
      }
      System.arraycopy(updates.values(), t * slice, out, offset, slice);
    }
    return new HostTensor(s, out, data.integral());
  }
}
