package org.xai4j.visualize.density;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.xai4j.kernel.Parallelism;
import org.xai4j.tensor.Shape;
import org.xai4j.train.Progress;
import org.xai4j.train.TrainingListener;

/**
 * Fits a {@link GaussianMixture} by expectation maximization (Dempster, Laird &amp; Rubin 1977),
 * started from a k-means++ clustering ({@link KMeans}): the clusters give hard responsibilities for
 * a first M-step, then E-steps (responsibilities {@code r_ik = w_k N_k(x_i) / p(x_i)} by log-sum-exp)
 * and M-steps ({@code N_k = sum_i r_ik}, {@code w_k = N_k / n}, {@code mean_k = sum_i r_ik x_i / N_k},
 * {@code covariance_k = sum_i r_ik (x_i - mean_k)(x_i - mean_k)^T / N_k + floor I}) alternate until the
 * mean log-likelihood per sample rises by less than the tolerance or the iteration limit is reached.
 * Without a floor every iteration raises the training log-likelihood or leaves it unchanged; the
 * floor makes each M-step a slightly regularized one.
 *
 * <p>Cost per iteration with n samples of d values and k components: {@code 2 k n d^2} multiply-adds
 * (whitening and covariance products, float32 by default) and k Cholesky factorizations and
 * triangular inversions of {@code d^3 / 3} each (EJML, double precision, in parallel over components).
 */
public final class ExpectationMaximization {
  /** A component's responsibility sum is at least this, so an emptied component stays defined (as scikit-learn). */
  private static final double MIN_COMPONENT_MASS = 10 * Math.ulp(1.0);

  private ExpectationMaximization() {}

  /**
   * A fitted mixture.
   *
   * @param mixture the mixture after the last M-step
   * @param logLikelihoods the mean training log-likelihood per sample after the start and after every
   *     iteration; the last entry is that of {@code mixture}
   * @param converged whether the rise fell below the tolerance before the iteration limit
   */
  public record Fit(GaussianMixture mixture, double[] logLikelihoods, boolean converged) {
    /** Copies the history. */
    public Fit {
      logLikelihoods = logLikelihoods.clone();
    }

    /** The history (a copy). */
    @Override
    public double[] logLikelihoods() {
      return logLikelihoods.clone();
    }

    /** EM iterations run after the start. */
    public int iterations() {
      return logLikelihoods.length - 1;
    }
  }

  /**
   * Fits a mixture.
   *
   * @param x {@code n * sampleShape.size()} values, one sample per row
   * @param listener told about every iteration: {@code loss} is the negated mean log-likelihood
   * @throws IllegalArgumentException if there are fewer distinct samples than components, or a
   *     component covariance is not positive definite (no floor on degenerate data)
   */
  public static Fit fit(Shape sampleShape, double[] x, int n, MixtureSettings settings, Arithmetic arithmetic,
      TrainingListener listener) {
    int d = sampleShape.size();
    int k = settings.components();
    Rows.check("the samples", x, n, d);
    listener.started(settings.maxIterations() + 1, 1);
    try {
      int[] labels = KMeans.cluster(x, n, d, k, settings.kMeansIterations(), new Random(settings.seed()), arithmetic);
      double[] responsibilities = new double[n * k];
      for (int i = 0; i < n; i++) {
        responsibilities[i * k + labels[i]] = 1;
      }
      GaussianMixture mixture = maximize(sampleShape, x, n, responsibilities, settings.covarianceFloor(), arithmetic);
      List<Double> history = new ArrayList<>();
      double ll = expect(mixture, x, n, responsibilities, arithmetic);
      history.add(ll);
      listener.stepped(new Progress(1, settings.maxIterations() + 1, 1, 1, -ll, Double.NaN));
      boolean converged = false;
      for (int it = 1; it <= settings.maxIterations() && !converged; it++) {
        mixture = maximize(sampleShape, x, n, responsibilities, settings.covarianceFloor(), arithmetic);
        double next = expect(mixture, x, n, responsibilities, arithmetic);
        history.add(next);
        converged = next - ll < settings.tolerance();
        ll = next;
        listener.stepped(new Progress(it + 1, settings.maxIterations() + 1, 1, 1, -ll, Double.NaN));
      }
      return new Fit(mixture, history.stream().mapToDouble(Double::doubleValue).toArray(), converged);
    } finally {
      listener.finished();
    }
  }

  /** E-step: fills the responsibilities (n x k) and returns the mean log-likelihood per sample. */
  static double expect(GaussianMixture mixture, double[] x, int n, double[] responsibilities, Arithmetic arithmetic) {
    int k = mixture.size();
    double[] joint = mixture.jointLogDensities(x, n, arithmetic);
    double total = 0;
    for (int i = 0; i < n; i++) {
      double lse = LogSumExp.of(joint, i * k, k);
      total += lse;
      for (int c = 0; c < k; c++) {
        responsibilities[i * k + c] = Math.exp(joint[i * k + c] - lse);
      }
    }
    return total / n;
  }

  /** M-step: the mixture that maximizes the expected log-likelihood under the responsibilities, plus the floor. */
  static GaussianMixture maximize(Shape sampleShape, double[] x, int n, double[] responsibilities, double floor,
      Arithmetic arithmetic) {
    int d = sampleShape.size();
    int k = responsibilities.length / n;
    double[] mass = new double[k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        mass[c] += responsibilities[i * k + c];
      }
    }
    for (int c = 0; c < k; c++) {
      mass[c] += MIN_COMPONENT_MASS;
    }
    double[] means = arithmetic.multiply(true, false, k, d, n, responsibilities, x);
    double[][] covariances = new double[k][];
    double[] weighted = new double[n * d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        means[c * d + j] /= mass[c];
      }
      for (int i = 0; i < n; i++) {
        double s = Math.sqrt(responsibilities[i * k + c]);
        for (int j = 0; j < d; j++) {
          weighted[i * d + j] = s * (x[i * d + j] - means[c * d + j]);
        }
      }
      double[] cov = arithmetic.multiply(true, false, d, d, n, weighted, weighted);
      for (int e = 0; e < cov.length; e++) {
        cov[e] /= mass[c];
      }
      Moments.symmetrize(cov, d);
      for (int j = 0; j < d; j++) {
        cov[j * d + j] += floor;
      }
      covariances[c] = cov;
    }
    Gaussian[] components = new Gaussian[k];
    IllegalArgumentException[] failures = new IllegalArgumentException[k];
    Parallelism.forEach(k, c -> {
      try {
        components[c] = Gaussian.of(sampleShape, Arrays.copyOfRange(means, c * d, (c + 1) * d), covariances[c]);
      } catch (IllegalArgumentException e) {
        failures[c] = e;
      }
    });
    for (int c = 0; c < k; c++) {
      if (failures[c] != null) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "mixture component %d of %d (%.1f samples): %s",
            c, k, mass[c], failures[c].getMessage()), failures[c]);
      }
    }
    double[] weights = new double[k];
    double totalMass = Arrays.stream(mass).sum();
    for (int c = 0; c < k; c++) {
      weights[c] = mass[c] / totalMass;
    }
    return GaussianMixture.of(weights, Arrays.asList(components));
  }
}
