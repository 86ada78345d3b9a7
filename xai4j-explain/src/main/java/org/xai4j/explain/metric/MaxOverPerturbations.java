package org.xai4j.explain.metric;

import java.util.Random;
import org.xai4j.explain.Explainer;
import org.xai4j.tensor.Tensor;

/**
 * The loop that the max-ratio robustness metrics ({@link LocalLipschitz}, {@link MaxSensitivity}) share: for each
 * sample, the largest {@code ||R(x) - R(x')||_2 / scale} over seeded perturbed copies {@code x'}, where the copies of
 * one sample are explained as one batch for the sample's class.
 */
final class MaxOverPerturbations {
  /** Draws the perturbed copies of sample {@code b}. */
  @FunctionalInterface
  interface Noise {
    Perturbed draw(Tensor batch, int b, Random random);
  }

  /** The denominator of one copy's explanation change, from the unperturbed explanation and the copy's noise. */
  @FunctionalInterface
  interface Scale {
    double of(double[] relevance, double[] delta);
  }

  private MaxOverPerturbations() {}

  /** Per sample, the maximum ratio over its copies; one {@link Random} of {@code seed} draws all the noise. */
  static Robustness evaluate(Explainer method, Tensor input, int[] classes, long seed, Noise noise,
      Scale scale) {
    int n = input.shape().dim(0);
    Classes.require(classes, n);
    double[][] base = Vectors.perSample(Scores.relevance(method, input, classes));
    Random random = new Random(seed);
    double[] out = new double[n];
    for (int b = 0; b < n; b++) {
      Perturbed p = noise.draw(input, b, random);
      double[][] r = Vectors.perSample(Scores.relevance(method, p.inputs(), classes[b]));
      for (int k = 0; k < r.length; k++) {
        out[b] = Math.max(out[b], Vectors.distance(base[b], r[k], 2) / scale.of(base[b], p.deltas()[k]));
      }
    }
    return Robustness.of(out);
  }
}
