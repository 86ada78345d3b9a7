package org.xai4j.explain.metric;

import java.util.Random;
import org.xai4j.explain.Attributor;
import org.xai4j.graph.Graph;
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
  public Robustness evaluate(Graph graph, Tensor input, int[] classes, Attributor method) {
    int n = input.shape().dim(0);
    Classes.require(classes, n);
    double[][] base = Vectors.perSample(Scores.relevance(method, graph, input, classes));
    Random random = new Random(seed);
    double[] out = new double[n];
    for (int b = 0; b < n; b++) {
      Perturbed p = Perturbed.gaussian(input, b, samples, std, random);
      double[][] r = Vectors.perSample(Scores.relevance(method, graph, p.inputs(), classes[b]));
      for (int k = 0; k < samples; k++) {
        out[b] = Math.max(out[b], Vectors.distance(base[b], r[k], 2) / Vectors.norm2(p.deltas()[k]));
      }
    }
    return Robustness.of(out);
  }
}
