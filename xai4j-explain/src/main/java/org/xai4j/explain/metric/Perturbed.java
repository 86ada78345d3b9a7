package org.xai4j.explain.metric;

import java.util.Random;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Copies of one sample with random additive noise: {@code inputs[k] = x + delta[k]}.
 *
 * @param inputs the perturbed copies {@code [count, ...]}
 * @param deltas the noise of each copy, flattened
 */
record Perturbed(Tensor inputs, double[][] deltas) {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Gaussian noise {@code N(0, std^2)} per element. */
  static Perturbed gaussian(Tensor batch, int b, int count, double std, Random random) {
    return of(batch, b, count, random, r -> r.nextGaussian() * std);
  }

  /** Uniform noise in {@code [-radius, radius]} per element (an L-infinity ball). */
  static Perturbed uniform(Tensor batch, int b, int count, double radius, Random random) {
    return of(batch, b, count, random, r -> (2 * r.nextDouble() - 1) * radius);
  }

  private static Perturbed of(Tensor batch, int b, int count, Random random,
      java.util.function.ToDoubleFunction<Random> noise) {
    Tensor one = batch.slice0(b, b + 1);
    float[] x = INTERNALS.array(one);
    float[] out = new float[count * x.length];
    double[][] deltas = new double[count][x.length];
    for (int k = 0; k < count; k++) {
      for (int i = 0; i < x.length; i++) {
        float v = (float) (x[i] + noise.applyAsDouble(random));
        out[k * x.length + i] = v;
        deltas[k][i] = v - x[i];
      }
    }
    return new Perturbed(INTERNALS.adopt(one.shape().withDim(0, count), out), deltas);
  }
}
