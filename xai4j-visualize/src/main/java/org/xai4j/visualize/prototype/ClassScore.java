package org.xai4j.visualize.prototype;

import org.xai4j.explain.metric.OutputScore;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * What activation maximization maximizes for a class c, computed from a classifier's logits
 * {@code z} ({@code [N, classes]}, before any softmax).
 */
public enum ClassScore {
  /**
   * {@code log p(c | x) = z_c - log sum_j exp(z_j)} (Montavon, Samek &amp; Mueller 2018, eq. 3);
   * gradient {@code e_c - softmax(z)}. Bounded above by 0: once the class is certain the
   * regularizer dominates. The default.
   */
  LOG_SOFTMAX("log-softmax"),
  /** The logit {@code z_c}, gradient {@code e_c}: unbounded, so only the regularizer stops it (Simonyan et al. 2014). */
  LOGIT("logit");

  private static final TensorInternals INTERNALS = TensorInternals.access();

  private final String id;

  ClassScore(String id) {
    this.id = id;
  }

  /** The command-line name: {@code log-softmax} or {@code logit}. */
  public String id() {
    return id;
  }

  /**
   * The score of each item's class and the gradient of their sum with respect to the logits.
   *
   * @param logits {@code [N, classes]}
   * @param classes one class per item, each in {@code [0, classes)}
   * @throws IllegalArgumentException if the logits are not {@code [N, classes]} with one class per
   *     item, or a class is out of range
   */
  public Scored score(Tensor logits, int[] classes) {
    Shape s = logits.shape();
    if (s.rank() != 2 || s.dim(0) != classes.length) {
      throw new IllegalArgumentException("class scores need logits [" + classes.length + ", classes], got shape " + s);
    }
    int k = s.dim(1);
    float[] z = INTERNALS.array(logits);
    float[] seed = new float[z.length];
    double[] scores = new double[classes.length];
    for (int i = 0; i < classes.length; i++) {
      int c = classes[i];
      if (c < 0 || c >= k) {
        throw new IllegalArgumentException("class " + c + " is outside the " + k + " classes of the logits");
      }
      if (this == LOGIT) {
        scores[i] = z[i * k + c];
        seed[i * k + c] = 1;
      } else {
        double[] p = softmax(z, i * k, k);
        scores[i] = z[i * k + c] - logSumExp(z, i * k, k);
        for (int j = 0; j < k; j++) {
          seed[i * k + j] = (float) ((j == c ? 1 : 0) - p[j]);
        }
      }
    }
    return new Scored(scores, INTERNALS.adopt(s, seed));
  }

  /** {@code softmax(z)_c} of each item: the classifier's probability of the item's class. */
  public static double[] probabilities(Tensor logits, int[] classes) {
    return OutputScore.SOFTMAX.of(logits, classes);
  }

  private static double logSumExp(float[] z, int offset, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, z[offset + j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += Math.exp(z[offset + j] - max);
    }
    return max + Math.log(sum);
  }

  /** The softmax of {@code z[offset .. offset + k)}, shifted by the maximum. */
  private static double[] softmax(float[] z, int offset, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, z[offset + j]);
    }
    double[] p = new double[k];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      p[j] = Math.exp(z[offset + j] - max);
      sum += p[j];
    }
    for (int j = 0; j < k; j++) {
      p[j] /= sum;
    }
    return p;
  }

  /**
   * Scores and their gradient.
   *
   * @param values the score of each item
   * @param seed the gradient of the summed scores with respect to the logits, the logits' shape
   */
  public record Scored(double[] values, Tensor seed) {
    /** Copies the values. */
    public Scored {
      values = values.clone();
    }

    /** The scores (a copy). */
    @Override
    public double[] values() {
      return values.clone();
    }
  }
}
