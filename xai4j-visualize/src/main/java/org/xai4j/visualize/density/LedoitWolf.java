package org.xai4j.visualize.density;

import org.xai4j.tensor.Shape;

/**
 * Fits a {@link Gaussian} with the Ledoit-Wolf shrinkage estimator of the covariance (O. Ledoit
 * and M. Wolf, "A well-conditioned estimator for large-dimensional covariance matrices", Journal
 * of Multivariate Analysis 88, 2004): the sample covariance {@code S} (divided by n) is shrunk
 * towards the scaled identity {@code mu I}, {@code mu = tr(S) / d}, by the weight that minimizes
 * the expected Frobenius error,
 *
 * <pre>
 *   covariance = (1 - delta) S + delta mu I,   delta = min(b2, d2) / d2,
 *   d2 = |S - mu I|^2 / d,   b2 = (sum_k |x_k|^4 / n - |S|^2) / (d n)
 * </pre>
 *
 * <p>with centred samples {@code x_k} and the Frobenius norm; {@code b2} is the paper's
 * {@code sum_k |x_k x_k^T - S|^2 / n^2} rewritten so that it costs one pass over the data. The same
 * estimator as scikit-learn's {@code LedoitWolf}. The result is positive definite whenever the data
 * vary at all (tr S &gt; 0), so high-dimensional images with constant pixels (MNIST's borders) need no
 * floor.
 */
public final class LedoitWolf {
  private LedoitWolf() {}

  /** A fitted Gaussian and the shrinkage weight the estimator chose. */
  public record Fit(Gaussian gaussian, double shrinkage) {}

  /**
   * Fits the mean and the shrunk covariance.
   *
   * @param x {@code n * sampleShape.size()} values, one sample per row
   * @param n number of samples, at least 2
   * @param arithmetic the precision of the covariance product
   * @throws IllegalArgumentException if there are fewer than 2 samples or the data do not vary
   */
  public static Fit fit(Shape sampleShape, double[] x, int n, Arithmetic arithmetic) {
    int d = sampleShape.size();
    Rows.check("the samples", x, n, d);
    if (n < 2) {
      throw new IllegalArgumentException("a covariance needs at least 2 samples, got " + n);
    }
    double[] mean = Moments.mean(x, n, d);
    double[] centred = Moments.centre(x, n, d, mean);
    double[] s = arithmetic.multiply(true, false, d, d, n, centred, centred);
    for (int i = 0; i < s.length; i++) {
      s[i] /= n;
    }
    Moments.symmetrize(s, d);
    double trace = 0;
    double frobenius = 0;
    for (int i = 0; i < d; i++) {
      trace += s[i * d + i];
    }
    for (double v : s) {
      frobenius += v * v;
    }
    if (!(trace > 0)) {
      throw new IllegalArgumentException("the " + n + " samples of " + d + " values do not vary (trace of the "
          + "covariance " + trace + "); a Gaussian cannot be fitted");
    }
    double mu = trace / d;
    double fourth = 0;
    for (int k = 0; k < n; k++) {
      double sq = Gaussian.squaredNorm(centred, k * d, d);
      fourth += sq * sq;
    }
    double d2 = (frobenius - 2 * mu * trace + d * mu * mu) / d;
    double b2 = Math.min((fourth / n - frobenius) / ((double) d * n), d2);
    double shrinkage = d2 > 0 ? Math.max(0, b2) / d2 : 0;
    for (int i = 0; i < s.length; i++) {
      s[i] *= 1 - shrinkage;
    }
    for (int i = 0; i < d; i++) {
      s[i * d + i] += shrinkage * mu;
    }
    return new Fit(Gaussian.of(sampleShape, mean, s), shrinkage);
  }
}
