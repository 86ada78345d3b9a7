package org.xai4j.explain.metric;

/**
 * A robustness score per sample and its mean.
 *
 * @param perSample one score per sample
 * @param mean the mean over the samples
 */
public record Robustness(double[] perSample, double mean) {
  /** Wraps per-sample scores. */
  static Robustness of(double[] perSample) {
    return new Robustness(perSample, Vectors.mean(perSample));
  }
}
