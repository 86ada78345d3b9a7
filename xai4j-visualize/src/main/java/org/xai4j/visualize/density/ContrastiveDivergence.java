package org.xai4j.visualize.density;

import java.util.Random;
import org.xai4j.data.Samples;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.train.Optimizer;
import org.xai4j.train.Progress;
import org.xai4j.train.TrainingListener;

/**
 * Trains a {@link GaussianBernoulliRbm} by contrastive divergence, CD-k (G. Hinton, "Training
 * products of experts by minimizing contrastive divergence", Neural Computation 14, 2002), as
 * recommended for Gaussian visible units in Hinton's practical guide (2010, section 13.2):
 *
 * <ul>
 *   <li>every visible unit's sigma is fixed to its data standard deviation (at least the floor), so
 *       the machine works on standardized data; visible biases start at the data mean, hidden biases
 *       at 0, weights at N(0, 0.01^2);
 *   <li>per minibatch: hidden probabilities {@code p(h | v0)}, then k Gibbs steps of sampling binary
 *       hidden states and taking the noise-free visible reconstruction {@code E[v | h]}; the
 *       log-likelihood gradient is estimated as data statistics minus the statistics after k steps
 *       ({@code <(v/sigma) p(h|v)^T>} for the weights, {@code <(v - b)/sigma^2>}, {@code <p(h|v)>}
 *       for the biases), and the configured {@link Optimizer} takes a step along it.
 * </ul>
 *
 * <p>After each epoch the reconstruction error {@code |v - E[v | p(h | v)]|^2} (mean over the
 * training samples, deterministic) is recorded; the listener's {@code loss} is that of the running
 * minibatches.
 */
public final class ContrastiveDivergence {
  private static final double INITIAL_WEIGHT_STD = 0.01;

  private ContrastiveDivergence() {}

  /**
   * A trained machine.
   *
   * @param rbm the machine after the last epoch; its {@code logPartition} is still 0 (estimate it with
   *     {@link AnnealedImportanceSampling})
   * @param reconstructionErrors the mean reconstruction error before training and after every epoch
   */
  public record Fit(GaussianBernoulliRbm rbm, double[] reconstructionErrors) {
    /** Copies the history. */
    public Fit {
      reconstructionErrors = reconstructionErrors.clone();
    }

    /** The history (a copy). */
    @Override
    public double[] reconstructionErrors() {
      return reconstructionErrors.clone();
    }
  }

  /**
   * Trains a machine.
   *
   * @param x {@code n * sampleShape.size()} values, one sample per row
   * @throws IllegalArgumentException if there is no sample
   */
  public static Fit fit(Shape sampleShape, double[] x, int n, RbmSettings settings, Arithmetic arithmetic,
      TrainingListener listener) {
    int d = sampleShape.size();
    int m = settings.hidden();
    Rows.check("the samples", x, n, d);
    if (n < 1) {
      throw new IllegalArgumentException("an RBM needs at least 1 training sample");
    }
    Random random = new Random(settings.seed());
    double[] mean = Moments.mean(x, n, d);
    double[] sigma = new double[d];
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < d; v++) {
        double c = x[i * d + v] - mean[v];
        sigma[v] += c * c;
      }
    }
    for (int v = 0; v < d; v++) {
      sigma[v] = Math.max(Math.sqrt(sigma[v] / n), settings.sigmaFloor());
    }
    double[] w = new double[d * m];
    for (int e = 0; e < w.length; e++) {
      w[e] = INITIAL_WEIGHT_STD * random.nextGaussian();
    }
    Tensor weights = Tensor.of(Shape.of(d, m), w);
    Tensor visibleBias = Tensor.of(Shape.of(d), mean);
    Tensor hiddenBias = Tensor.zeros(Shape.of(m));
    GaussianBernoulliRbm rbm = machine(sampleShape, m, weights, visibleBias, hiddenBias, sigma);
    double[] errors = new double[settings.epochs() + 1];
    errors[0] = reconstructionError(rbm, x, n, arithmetic);
    int steps = (n + settings.batchSize() - 1) / settings.batchSize();
    Optimizer.State state = settings.optimizer().newState();
    listener.started(settings.epochs(), steps);
    try {
      for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
        int[] order = Samples.permutation(n, random);
        double running = 0;
        for (int step = 0; step < steps; step++) {
          int from = step * settings.batchSize();
          int b = Math.min(settings.batchSize(), n - from);
          double[] v0 = new double[b * d];
          for (int i = 0; i < b; i++) {
            System.arraycopy(x, order[from + i] * d, v0, i * d, d);
          }
          Gradient g = gradient(rbm, v0, b, settings.gibbsSteps(), random, arithmetic);
          running += g.reconstructionError;
          weights = state.step("weights", weights, Tensor.of(weights.shape(), g.weights));
          visibleBias = state.step("visibleBias", visibleBias, Tensor.of(visibleBias.shape(), g.visibleBias));
          hiddenBias = state.step("hiddenBias", hiddenBias, Tensor.of(hiddenBias.shape(), g.hiddenBias));
          rbm = machine(sampleShape, m, weights, visibleBias, hiddenBias, sigma);
          listener.stepped(new Progress(epoch, settings.epochs(), step + 1, steps, running / (step + 1), Double.NaN));
        }
        errors[epoch] = reconstructionError(rbm, x, n, arithmetic);
      }
    } finally {
      listener.finished();
    }
    return new Fit(rbm, errors);
  }

  /**
   * The mean squared distance between each sample and its noise-free reconstruction
   * {@code E[v | h = p(h | v)]}.
   */
  public static double reconstructionError(GaussianBernoulliRbm rbm, double[] x, int n, Arithmetic arithmetic) {
    double[] p = rbm.hiddenInputs(x, n, 1, arithmetic);
    sigmoidInPlace(p);
    double[] r = rbm.visibleMean(p, n, 1, arithmetic);
    double s = 0;
    for (int e = 0; e < r.length; e++) {
      double diff = x[e] - r[e];
      s += diff * diff;
    }
    return s / n;
  }

  /** The negated CD-k estimate of the log-likelihood gradient of one minibatch (a loss gradient, for the optimizer). */
  private static Gradient gradient(GaussianBernoulliRbm rbm, double[] v0, int b, int k, Random random,
      Arithmetic arithmetic) {
    int d = rbm.dimension();
    int m = rbm.hidden();
    double[] h0 = rbm.hiddenInputs(v0, b, 1, arithmetic);
    sigmoidInPlace(h0);
    double[] vk = v0;
    double[] hk = h0;
    double reconstruction = Double.NaN;
    for (int s = 0; s < k; s++) {
      vk = rbm.visibleMean(sample(hk, random), b, 1, arithmetic);
      if (s == 0) {
        reconstruction = 0;
        for (int e = 0; e < vk.length; e++) {
          double diff = v0[e] - vk[e];
          reconstruction += diff * diff;
        }
        reconstruction /= b;
      }
      hk = rbm.hiddenInputs(vk, b, 1, arithmetic);
      sigmoidInPlace(hk);
    }
    double[] sigma = rbm.sigma();
    double[] u0 = new double[b * d];
    double[] uk = new double[b * d];
    double[] gVisible = new double[d];
    for (int i = 0; i < b; i++) {
      for (int v = 0; v < d; v++) {
        int e = i * d + v;
        u0[e] = v0[e] / sigma[v];
        uk[e] = vk[e] / sigma[v];
        gVisible[v] -= (v0[e] - vk[e]) / (sigma[v] * sigma[v] * b);
      }
    }
    double[] positive = arithmetic.multiply(true, false, d, m, b, u0, h0);
    double[] negative = arithmetic.multiply(true, false, d, m, b, uk, hk);
    double[] gWeights = new double[d * m];
    for (int e = 0; e < gWeights.length; e++) {
      gWeights[e] = -(positive[e] - negative[e]) / b;
    }
    double[] gHidden = new double[m];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < m; j++) {
        gHidden[j] -= (h0[i * m + j] - hk[i * m + j]) / b;
      }
    }
    return new Gradient(gWeights, gVisible, gHidden, reconstruction);
  }

  private record Gradient(double[] weights, double[] visibleBias, double[] hiddenBias, double reconstructionError) {}

  /** Binary states drawn with the given probabilities. */
  static double[] sample(double[] probabilities, Random random) {
    double[] s = new double[probabilities.length];
    for (int e = 0; e < s.length; e++) {
      s[e] = random.nextDouble() < probabilities[e] ? 1 : 0;
    }
    return s;
  }

  static void sigmoidInPlace(double[] a) {
    for (int e = 0; e < a.length; e++) {
      a[e] = GaussianBernoulliRbm.sigmoid(a[e]);
    }
  }

  private static GaussianBernoulliRbm machine(Shape shape, int m, Tensor weights, Tensor visibleBias,
      Tensor hiddenBias, double[] sigma) {
    return GaussianBernoulliRbm.of(shape, m, weights.toDoubleArray(), visibleBias.toDoubleArray(),
        hiddenBias.toDoubleArray(), sigma, 0);
  }
}
