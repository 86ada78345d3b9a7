package org.xai4j.explain.metric;

import java.util.Random;
import org.xai4j.explain.Explainer;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * Infidelity of Yeh, Hsieh, Suggala, Inouye and Ravikumar, "On the (in)fidelity and sensitivity of
 * explanations" (NeurIPS 2019), as Captum's {@code infidelity} computes it: for {@code samples}
 * perturbations {@code I ~ N(0, std^2)} per element,
 *
 * <pre>INFD(x) = mean_I ( I . R(x) - (f(x) - f(x - I)) )^2</pre>
 *
 * <p>with {@code f} the class output (lower is better). With {@code normalize}, {@code R} is first
 * scaled by the least-squares factor {@code beta = E[(I . R) d] / E[(I . R)^2]}, {@code d = f(x) -
 * f(x - I)} (Captum's {@code normalize=True}). The relevance must have the input's shape. Defaults
 * (Captum): 10 samples, not normalized, noise std 0.003 (the perturbation of Captum's documented
 * example; Captum has no default perturbation).
 *
 * @param samples perturbations per sample, at least 1
 * @param std noise standard deviation, above 0
 * @param normalize whether to rescale the relevance by {@code beta}
 * @param seed seeds the noise
 */
public record Infidelity(int samples, double std, boolean normalize, long seed) implements Metric<Robustness> {
  /** Default number of perturbations (Captum {@code n_perturb_samples}). */
  public static final int DEFAULT_SAMPLES = 10;
  /** Default noise standard deviation (Captum's documented example). */
  public static final double DEFAULT_STD = 0.003;
  /** Default seed. */
  public static final long DEFAULT_SEED = 0L;

  /** Rejects non-positive counts and deviations. */
  public Infidelity {
    if (samples < 1 || !(std > 0)) {
      throw new IllegalArgumentException("infidelity needs samples >= 1 and std > 0, got " + samples + ", " + std);
    }
  }

  /** Captum's defaults. */
  public static Infidelity defaults() {
    return new Infidelity(DEFAULT_SAMPLES, DEFAULT_STD, false, DEFAULT_SEED);
  }

  @Override
  public Robustness evaluate(Explainer method, Tensor input, int[] classes) {
    return evaluate(method.graph(), input, classes, Scores.relevance(method, input, classes));
  }

  /**
   * Infidelity of a precomputed relevance.
   *
   * @throws IllegalArgumentException if the relevance's shape is not the input's
   */
  public Robustness evaluate(Graph graph, Tensor input, int[] classes, Tensor relevance) {
    relevance.requireSameShape(input, "relevance for infidelity (needs the input's shape)");
    int n = input.shape().dim(0);
    Classes.require(classes, n);
    double[][] r = Vectors.perSample(relevance);
    double[] f = OutputScore.RAW.of(Scores.output(graph, input), classes);
    Random random = new Random(seed);
    double[] out = new double[n];
    for (int b = 0; b < n; b++) {
      // x - I with I ~ N(0, std^2): the copies are x + delta, delta = -I
      Perturbed p = Perturbed.gaussian(input, b, samples, std, random);
      double[] fp = OutputScore.RAW.of(Scores.output(graph, p.inputs()), Classes.repeatEach(new int[] {classes[b]},
          samples));
      double[] explained = new double[samples];
      double[] change = new double[samples];
      for (int k = 0; k < samples; k++) {
        for (int i = 0; i < r[b].length; i++) {
          explained[k] -= p.deltas()[k][i] * r[b][i];
        }
        change[k] = f[b] - fp[k];
      }
      double beta = normalize ? leastSquaresScale(explained, change) : 1;
      for (int k = 0; k < samples; k++) {
        double e = beta * explained[k] - change[k];
        out[b] += e * e / samples;
      }
    }
    return Robustness.of(out);
  }

  private static double leastSquaresScale(double[] explained, double[] change) {
    double num = 0;
    double den = 0;
    for (int k = 0; k < explained.length; k++) {
      num += explained[k] * change[k];
      den += explained[k] * explained[k];
    }
    return den == 0 ? 1 : num / den;
  }
}
