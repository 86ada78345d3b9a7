package org.xai4j.visualize.density;

import java.util.Random;

/**
 * Estimates the log-partition function of a {@link GaussianBernoulliRbm} by annealed importance
 * sampling (R. Neal, "Annealed importance sampling", Statistics and Computing 11, 2001; for RBMs
 * R. Salakhutdinov and I. Murray, "On the quantitative analysis of deep belief networks", ICML 2008).
 *
 * <p>The path scales the weights by an inverse temperature {@code beta} from 0 to 1 in equal steps.
 * At {@code beta = 0} visible and hidden units are independent, so the base partition function is
 * exact, {@code log Z_0 = d/2 log(2 pi) + sum_i log sigma_i + sum_j softplus(c_j)}, and exact
 * samples are {@code v ~ N(b, sigma^2)}. Each chain adds
 * {@code log p*_t(v) - log p*_(t-1)(v) = sum_j softplus(c_j + beta_t a_j) - softplus(c_j + beta_(t-1) a_j)}
 * ({@code a = (v / sigma) W}) and then moves by one Gibbs step at {@code beta_t}. The estimate is
 * {@code log Z_0 + log mean_chains exp(log w)}; its standard error is that of the mean weight,
 * relative (delta method). AIS estimates tend to be low when the schedule is too short, which makes
 * log-likelihoods too high: compare machines only at the same settings.
 */
public final class AnnealedImportanceSampling {
  private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

  private AnnealedImportanceSampling() {}

  /**
   * An estimate of {@code log Z}.
   *
   * @param logPartition the estimate
   * @param standardError its standard error (in log units)
   */
  public record Estimate(double logPartition, double standardError) {}

  /** Estimates {@code log Z} of the machine. */
  public static Estimate logPartition(GaussianBernoulliRbm rbm, AisSettings settings, Arithmetic arithmetic) {
    int d = rbm.dimension();
    int m = rbm.hidden();
    int chains = settings.chains();
    Random random = new Random(settings.seed());
    double[] sigma = rbm.sigma();
    double[] bias = rbm.visibleBias();
    double[] hiddenBias = rbm.hiddenBias();
    double logZ0 = 0.5 * d * LOG_TWO_PI;
    for (double s : sigma) {
      logZ0 += Math.log(s);
    }
    for (double c : hiddenBias) {
      logZ0 += GaussianBernoulliRbm.softplus(c);
    }
    double[] v = new double[chains * d];
    for (int i = 0; i < chains; i++) {
      for (int j = 0; j < d; j++) {
        v[i * d + j] = bias[j] + sigma[j] * random.nextGaussian();
      }
    }
    double[] logWeights = new double[chains];
    int steps = settings.temperatures();
    for (int t = 1; t <= steps; t++) {
      double previous = (double) (t - 1) / steps;
      double beta = (double) t / steps;
      double[] projection = rbm.projection(v, chains, arithmetic);
      double[] now = rbm.hiddenInputsOf(projection, chains, beta);
      double[] before = rbm.hiddenInputsOf(projection, chains, previous);
      for (int i = 0; i < chains; i++) {
        double s = 0;
        for (int j = 0; j < m; j++) {
          s += GaussianBernoulliRbm.softplus(now[i * m + j]) - GaussianBernoulliRbm.softplus(before[i * m + j]);
        }
        logWeights[i] += s;
      }
      if (t < steps) {
        ContrastiveDivergence.sigmoidInPlace(now);
        double[] mean = rbm.visibleMean(ContrastiveDivergence.sample(now, random), chains, beta, arithmetic);
        for (int i = 0; i < chains; i++) {
          for (int j = 0; j < d; j++) {
            v[i * d + j] = mean[i * d + j] + sigma[j] * random.nextGaussian();
          }
        }
      }
    }
    double logMeanWeight = LogSumExp.of(logWeights, 0, chains) - Math.log(chains);
    double mean = 0;
    double square = 0;
    for (double lw : logWeights) {
      double r = Math.exp(lw - logMeanWeight);
      mean += r;
      square += r * r;
    }
    mean /= chains;
    double variance = Math.max(0, square / chains - mean * mean) * chains / (chains - 1);
    double relativeError = Math.sqrt(variance / chains) / mean;
    return new Estimate(logZ0 + logMeanWeight, relativeError);
  }
}
