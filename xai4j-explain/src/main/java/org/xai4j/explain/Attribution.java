package org.xai4j.explain;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The result of an {@link Attributor}: a relevance tensor and the model output it explains.
 *
 * @param relevance per-element relevance, {@code [N, ...]}; the input's shape unless the method
 *     documents another (Sensitivity sums colour channels, Grad-CAM has the layer's spatial shape)
 * @param output the model's (first) output on the explained input, {@code [N, ...]}
 */
public record Attribution(Tensor relevance, Tensor output) {
  /** Rejects a relevance or output without a batch axis, or with different batch sizes. */
  public Attribution {
    if (relevance.rank() < 1 || output.rank() < 1 || relevance.shape().dim(0) != output.shape().dim(0)) {
      throw new IllegalArgumentException("relevance " + relevance.shape() + " and output " + output.shape()
          + " need the same leading batch extent");
    }
  }

  /**
   * The relevance reduced over its channel axis (axis 1): {@code [N, C, H, W]} becomes
   * {@code [N, H, W]}, {@code [N, C]} becomes {@code [N]}.
   *
   * @throws IllegalArgumentException if the relevance has rank below 2
   */
  public Tensor heatmap(ChannelReduction reduction) {
    Shape s = relevance.shape();
    if (s.rank() < 2) {
      throw new IllegalArgumentException("heatmap needs a relevance [N, C, ...], got " + s);
    }
    int n = s.dim(0);
    int c = s.dim(1);
    int inner = s.product(2, s.rank());
    float[] r = TensorInternals.array(relevance);
    float[] h = new float[n * inner];
    for (int b = 0; b < n; b++) {
      for (int i = 0; i < inner; i++) {
        int base = b * c * inner + i;
        float acc = reduction.first(r[base]);
        for (int k = 1; k < c; k++) {
          acc = reduction.combine(acc, r[base + k * inner]);
        }
        h[b * inner + i] = acc;
      }
    }
    int[] dims = new int[s.rank() - 1];
    dims[0] = n;
    for (int a = 2; a < s.rank(); a++) {
      dims[a - 1] = s.dim(a);
    }
    return TensorInternals.adopt(Shape.of(dims), h);
  }

  /** Sample {@code n} of this attribution as a batch of one. */
  public Attribution sample(int n) {
    return new Attribution(relevance.slice0(n, n + 1), output.slice0(n, n + 1));
  }
}
