package org.xai4j.op;

import org.xai4j.tensor.AxisSplit;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The loops of {@link SoftmaxFamily}: softmax or log-softmax along the fibres of an
 * {@link AxisSplit}, forward and backward, in double precision after subtracting each fibre's
 * maximum.
 */
final class SoftmaxFibres {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private SoftmaxFibres() {}

  /** {@code softmax(x)} or, with {@code log}, {@code log(softmax(x))} along the fibres. */
  static Tensor forward(Tensor input, AxisSplit s, boolean log) {
    float[] x = INTERNALS.array(input);
    float[] y = new float[x.length];
    int n = s.extent();
    int stride = s.inner();
    for (int o = 0; o < s.outer(); o++) {
      for (int i = 0; i < stride; i++) {
        int base = s.offset(o, 0) + i;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          max = Math.max(max, x[base + k * stride]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += Math.exp(x[base + k * stride] - max);
        }
        double logSum = Math.log(sum);
        for (int k = 0; k < n; k++) {
          int p = base + k * stride;
          double shifted = x[p] - max;
          y[p] = (float) (log ? shifted - logSum : Math.exp(shifted) / sum);
        }
      }
    }
    return INTERNALS.adopt(input.shape(), y);
  }

  /**
   * The vector-Jacobian product along the fibres: {@code y * (g - sum(g * y))} for softmax and
   * {@code g - exp(y) * sum(g)} for log-softmax, where {@code y} is the forward output.
   */
  static Tensor backward(Tensor output, Tensor gradOutput, AxisSplit s, boolean log) {
    float[] y = INTERNALS.array(output);
    float[] g = INTERNALS.array(gradOutput);
    float[] gx = new float[y.length];
    int n = s.extent();
    int stride = s.inner();
    for (int o = 0; o < s.outer(); o++) {
      for (int i = 0; i < stride; i++) {
        int base = s.offset(o, 0) + i;
        double dot = 0;
        for (int k = 0; k < n; k++) {
          int p = base + k * stride;
          dot += log ? g[p] : (double) g[p] * y[p];
        }
        for (int k = 0; k < n; k++) {
          int p = base + k * stride;
          gx[p] = (float) (log ? g[p] - Math.exp(y[p]) * dot : y[p] * (g[p] - dot));
        }
      }
    }
    return INTERNALS.adopt(output.shape(), gx);
  }
}
