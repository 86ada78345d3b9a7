package org.xai4j.explain.metric;

import org.xai4j.tensor.Tensor;

/**
 * Positivity (Montavon, Samek and Müller 2018, Definition 2: all relevance is non-negative),
 * measured as the share of relevance mass that is negative,
 * {@code sum_i max(-R_i, 0) / sum_i |R_i|}: 0 for a positive explanation, 1 for an all-negative
 * one. A sample without relevance mass has share 0.
 */
public final class Positivity {
  private Positivity() {}

  /**
   * The negative share of each sample of {@code relevance [N, ...]} and of the whole batch.
   */
  public static Result of(Tensor relevance) {
    double[][] r = Vectors.perSample(relevance);
    double[] share = new double[r.length];
    double negativeTotal = 0;
    double massTotal = 0;
    for (int b = 0; b < r.length; b++) {
      double negative = 0;
      double mass = 0;
      for (double v : r[b]) {
        negative += Math.max(-v, 0);
        mass += Math.abs(v);
      }
      share[b] = ratio(negative, mass);
      negativeTotal += negative;
      massTotal += mass;
    }
    return new Result(share, ratio(negativeTotal, massTotal), Vectors.mean(share));
  }

  private static double ratio(double negative, double mass) {
    return mass == 0 ? 0 : negative / mass;
  }

  /**
   * Negative relevance shares.
   *
   * @param negativeShare per sample
   * @param pooled negative mass over total mass of the whole batch
   * @param mean the mean of the per-sample shares
   */
  public record Result(double[] negativeShare, double pooled, double mean) {}
}
