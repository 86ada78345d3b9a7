package org.xai4j.train;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Softmax cross-entropy on logits, as PyTorch's {@code CrossEntropyLoss} with probability targets
 * and mean reduction. For logits {@code z} of shape {@code [N, K]} and target probabilities
 * {@code t} of the same shape (one-hot rows for class labels):
 *
 * <pre>
 *   p_nk = exp(z_nk) / sum_j exp(z_nj)
 *   L    = -(1/N) sum_n sum_k t_nk log p_nk
 *   dL/dz_nk = (p_nk sum_j t_nj - t_nk) / N     (= (p_nk - t_nk) / N for one-hot rows)
 * </pre>
 *
 * <p>The softmax is computed in double precision after subtracting each row's maximum
 * (log-sum-exp), so large logits do not overflow.
 */
public final class SoftmaxCrossEntropy implements Loss {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Override
  public LossValue evaluate(Tensor output, Tensor target) {
    requireMatrices("SoftmaxCrossEntropy", output, target);
    int n = output.shape().dim(0);
    int k = output.shape().dim(1);
    float[] z = INTERNALS.array(output);
    float[] t = INTERNALS.array(target);
    float[] g = new float[z.length];
    double[] p = new double[k];
    double total = 0;
    for (int r = 0; r < n; r++) {
      int base = r * k;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, z[base + j]);
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        p[j] = Math.exp(z[base + j] - max);
        sum += p[j];
      }
      double logSum = Math.log(sum) + max;
      double targetMass = 0;
      for (int j = 0; j < k; j++) {
        targetMass += t[base + j];
        if (t[base + j] != 0f) {
          total -= t[base + j] * (z[base + j] - logSum);
        }
      }
      for (int j = 0; j < k; j++) {
        g[base + j] = (float) ((p[j] / sum * targetMass - t[base + j]) / n);
      }
    }
    return new LossValue(total / n, INTERNALS.adopt(output.shape(), g));
  }

  @Override
  public boolean isClassification() {
    return true;
  }

  static void requireMatrices(String loss, Tensor output, Tensor target) {
    Shape s = output.shape();
    if (s.rank() != 2 || !s.equals(target.shape())) {
      throw new IllegalArgumentException(loss + " needs [N, K] outputs and targets of the same shape, got output "
          + s + " and target " + target.shape());
    }
  }

  @Override
  public String toString() {
    return "SoftmaxCrossEntropy";
  }
}
