package org.xai4j.visualize.density;

/**
 * How {@link ExpectationMaximization} fits a {@link GaussianMixture}.
 *
 * @param components number of components k, at least 1 (default {@link #DEFAULT_COMPONENTS})
 * @param covarianceFloor added to the diagonal of every component covariance after each M-step,
 *     at least 0 (default {@link #DEFAULT_COVARIANCE_FLOOR}); keeps components positive definite
 *     where they hold fewer samples than dimensions or a pixel is constant, as scikit-learn's
 *     {@code reg_covar}, and bounds how sharply the density can peak in any direction
 * @param maxIterations the most EM iterations after the k-means start, at least 1 (default
 *     {@link #DEFAULT_MAX_ITERATIONS})
 * @param tolerance EM stops when the mean training log-likelihood per sample rises by less than
 *     this, at least 0 (default {@link #DEFAULT_TOLERANCE})
 * @param kMeansIterations the most Lloyd iterations of the k-means start, at least 0 (default
 *     {@link #DEFAULT_KMEANS_ITERATIONS})
 * @param seed seeds the k-means++ choice of the first centres
 */
public record MixtureSettings(int components, double covarianceFloor, int maxIterations, double tolerance,
    int kMeansIterations, long seed) {
  /** Default number of components: one per MNIST digit class. */
  public static final int DEFAULT_COMPONENTS = 10;
  /** Default covariance floor: a standard deviation of at least 0.1 in every direction for data in [0, 1]. */
  public static final double DEFAULT_COVARIANCE_FLOOR = 1e-2;
  /** Default iteration limit. */
  public static final int DEFAULT_MAX_ITERATIONS = 20;
  /** Default convergence threshold on the mean log-likelihood per sample, as scikit-learn's {@code tol}. */
  public static final double DEFAULT_TOLERANCE = 1e-3;
  /** Default Lloyd iterations of the start. */
  public static final int DEFAULT_KMEANS_ITERATIONS = 10;
  /** Default seed. */
  public static final long DEFAULT_SEED = 0;

  /** Validates the settings. */
  public MixtureSettings {
    if (components < 1) {
      throw new IllegalArgumentException("a mixture needs at least 1 component, got " + components);
    }
    if (!(covarianceFloor >= 0) || Double.isInfinite(covarianceFloor)) {
      throw new IllegalArgumentException("the covariance floor must be finite and >= 0, got " + covarianceFloor);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("EM needs at least 1 iteration, got " + maxIterations);
    }
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("the EM tolerance must be >= 0, got " + tolerance);
    }
    if (kMeansIterations < 0) {
      throw new IllegalArgumentException("k-means iterations must be >= 0, got " + kMeansIterations);
    }
  }

  /** Every default. */
  public static MixtureSettings defaults() {
    return new MixtureSettings(DEFAULT_COMPONENTS, DEFAULT_COVARIANCE_FLOOR, DEFAULT_MAX_ITERATIONS,
        DEFAULT_TOLERANCE, DEFAULT_KMEANS_ITERATIONS, DEFAULT_SEED);
  }

  /** These settings with another number of components. */
  public MixtureSettings withComponents(int k) {
    return new MixtureSettings(k, covarianceFloor, maxIterations, tolerance, kMeansIterations, seed);
  }

  /** These settings with another covariance floor. */
  public MixtureSettings withCovarianceFloor(double floor) {
    return new MixtureSettings(components, floor, maxIterations, tolerance, kMeansIterations, seed);
  }

  /** These settings with another iteration limit and tolerance. */
  public MixtureSettings withIterations(int max, double tol) {
    return new MixtureSettings(components, covarianceFloor, max, tol, kMeansIterations, seed);
  }

  /** These settings with another seed. */
  public MixtureSettings withSeed(long s) {
    return new MixtureSettings(components, covarianceFloor, maxIterations, tolerance, kMeansIterations, s);
  }
}
