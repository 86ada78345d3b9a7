package org.xai4j.explain.metric;

import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Which number of the model output a perturbation metric follows: the raw output (the logit, as in
 * Samek et al. 2017 pixel flipping) or the softmax probability (as in Petsiuk et al. 2018
 * insertion/deletion).
 */
public enum OutputScore {
  /** The output value of the class. */
  RAW,
  /** The softmax over each sample's outputs, at the class. */
  SOFTMAX;

  private static final TensorInternals INTERNALS = TensorInternals.access();

  /**
   * The score of {@code classes[n]} for every sample of an output {@code [N, K]}.
   *
   * @throws IllegalArgumentException if the output is not {@code [N, K]} or a class is out of range
   */
  public double[] of(Tensor output, int[] classes) {
    if (output.rank() != 2) {
      throw new IllegalArgumentException("scores need an output [N, classes], got " + output.shape());
    }
    int n = output.shape().dim(0);
    int k = output.shape().dim(1);
    Classes.require(classes, n);
    float[] o = INTERNALS.array(output);
    double[] s = new double[n];
    for (int b = 0; b < n; b++) {
      if (classes[b] < 0 || classes[b] >= k) {
        throw new IllegalArgumentException("class " + classes[b] + " of sample " + b + " outside output "
            + output.shape());
      }
      s[b] = this == RAW ? o[b * k + classes[b]] : softmaxAt(o, b * k, k, classes[b]);
    }
    return s;
  }

  private static double softmaxAt(float[] o, int offset, int k, int c) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      max = Math.max(max, o[offset + i]);
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += Math.exp(o[offset + i] - max);
    }
    return Math.exp(o[offset + c] - max) / sum;
  }
}
