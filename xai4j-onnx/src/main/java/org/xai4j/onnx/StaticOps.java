package org.xai4j.onnx;

import org.xai4j.tensor.Shape;

/**
 * Import-time evaluation of {@code Gather}, which shape computations use and which has no graph op:
 * other ops on constants are folded by running their xai4j op.
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
}
