package org.xai4j.explain.metric;

import org.xai4j.explain.Explainer;
import org.xai4j.tensor.Tensor;

/**
 * The local Lipschitz estimate of Alvarez-Melis and Jaakkola, "On the robustness of
 * interpretability methods" (2018), as Quantus defines it: for {@code samples} copies
 * {@code x' = x + e} with Gaussian noise {@code e ~ N(0, std^2)} per element,
 *
 * <pre>L(x) = max_{x'} ||R(x) - R(x')||_2 / ||x - x'||_2</pre>
 *
 * <p>(lower is more robust). The copies of one sample are explained as one batch, for the sample's
 * class. Defaults (Quantus): 200 samples, std 0.1; the noise is seeded.
 *
 * @param samples copies per sample, at least 1
 * @param std noise standard deviation, above 0
 * @param seed seeds the noise
 */
public record LocalLipschitz(int samples, double std, long seed) implements Metric<Robustness> {
  /** Default number of perturbed copies (Quantus). */
  public static final int DEFAULT_SAMPLES = 200;
  /** Default noise standard deviation (Quantus). */
  public static final double DEFAULT_STD = 0.1;
  /** Default seed. */
  public static final long DEFAULT_SEED = 0L;

  /** Rejects non-positive counts and deviations. */
  public LocalLipschitz {
    if (samples < 1 || !(std > 0)) {
      throw new IllegalArgumentException("local Lipschitz needs samples >= 1 and std > 0, got " + samples + ", " + std);
    }
  }

  /** Quantus's defaults. */
  public static LocalLipschitz defaults() {
    return new LocalLipschitz(DEFAULT_SAMPLES, DEFAULT_STD, DEFAULT_SEED);
  }

  @Override
  public Robustness evaluate(Explainer method, Tensor input, int[] classes) {
    return MaxOverPerturbations.evaluate(method, input, classes, seed,
        (batch, b, random) -> Perturbed.gaussian(batch, b, samples, std, random),
        (relevance, delta) -> Vectors.norm2(delta));
  }
}
