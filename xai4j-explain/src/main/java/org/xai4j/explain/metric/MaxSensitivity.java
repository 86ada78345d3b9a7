package org.xai4j.explain.metric;

import org.xai4j.explain.Explainer;
import org.xai4j.tensor.Tensor;

/**
 * Max-sensitivity of Yeh, Hsieh, Suggala, Inouye and Ravikumar, "On the (in)fidelity and sensitivity
 * of explanations" (NeurIPS 2019), with Captum's {@code sensitivity_max} defaults: {@code samples}
 * copies {@code x' = x + d}, {@code d} uniform in the L-infinity ball of radius {@code radius},
 *
 * <pre>SENS_max(x) = max_{x'} ||R(x) - R(x')||_F / ||R(x)||_F</pre>
 *
 * <p>(Captum divides by the explanation's norm, and by 1 where that norm is 0). Defaults: 10
 * samples, radius 0.02; the noise is seeded.
 *
 * @param samples copies per sample, at least 1
 * @param radius noise radius, above 0
 * @param seed seeds the noise
 */
public record MaxSensitivity(int samples, double radius, long seed) implements Metric<Robustness> {
  /** Default number of perturbed copies (Captum {@code n_perturb_samples}). */
  public static final int DEFAULT_SAMPLES = 10;
  /** Default L-infinity radius (Captum {@code perturb_radius}). */
  public static final double DEFAULT_RADIUS = 0.02;
  /** Default seed. */
  public static final long DEFAULT_SEED = 0L;

  /** Rejects non-positive counts and radii. */
  public MaxSensitivity {
    if (samples < 1 || !(radius > 0)) {
      throw new IllegalArgumentException("max-sensitivity needs samples >= 1 and radius > 0, got " + samples + ", "
          + radius);
    }
  }

  /** Captum's defaults. */
  public static MaxSensitivity defaults() {
    return new MaxSensitivity(DEFAULT_SAMPLES, DEFAULT_RADIUS, DEFAULT_SEED);
  }

  @Override
  public Robustness evaluate(Explainer method, Tensor input, int[] classes) {
    return MaxOverPerturbations.evaluate(method, input, classes, seed,
        (batch, b, random) -> Perturbed.uniform(batch, b, samples, radius, random),
        (relevance, delta) -> {
          double norm = Vectors.norm2(relevance);
          return norm == 0 ? 1 : norm;
        });
  }
}
