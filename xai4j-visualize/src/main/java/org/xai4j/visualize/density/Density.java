package org.xai4j.visualize.density;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * A probability density p(x) over images of one shape, fitted by xai4j on data: the "expert" of
 * activation maximization (Montavon, Samek &amp; Mueller 2018, section 3), whose log-density
 * replaces the L2 regularizer so that a prototype stays a plausible input. An image is read as the
 * vector of its {@link #dimension()} values in row-major order.
 *
 * <p>Implementations are immutable and safe to share between threads: {@link Gaussian} (full
 * covariance), {@link GaussianMixture} and {@link GaussianBernoulliRbm}. {@link DensityFile} saves
 * and loads every kind.
 */
public sealed interface Density permits Gaussian, GaussianMixture, GaussianBernoulliRbm {
  /** The shape of one sample without the batch axis, for example {@code [1, 28, 28]}. */
  Shape sampleShape();

  /** Number of values of one sample: the product of {@link #sampleShape()}. */
  default int dimension() {
    return sampleShape().size();
  }

  /** Which kind of density this is. */
  DensityKind kind();

  /** A short description of the kind and its size, for reports, e.g. {@code gmm (k=10, 784-d)}. */
  String describe();

  /**
   * The log-density {@code log p(x)} of each of {@code n} samples and, if {@code gradient} is not
   * null, its gradient {@code d log p / dx}.
   *
   * @param x {@code n * dimension()} values, one sample per row
   * @param n number of samples
   * @param gradient null, or an array of {@code n * dimension()} that receives the gradient
   * @param arithmetic the precision of the large matrix products
   * @return {@code n} log-densities
   * @throws IllegalArgumentException if an array length does not match {@code n} and the dimension
   */
  double[] logDensity(double[] x, int n, double[] gradient, Arithmetic arithmetic);

  /**
   * The log-density of each sample of a batch {@code [N, ...]} whose trailing axes hold
   * {@link #dimension()} values, with float32 products.
   *
   * @throws IllegalArgumentException naming both shapes if a sample does not have this density's size
   */
  default double[] logDensity(Tensor batch) {
    int n = Rows.count(batch, this);
    return logDensity(Rows.of(batch), n, null, Arithmetic.FLOAT32);
  }

  /** The mean log-density of a batch (the log-likelihood per sample), with float32 products. */
  default double meanLogDensity(Tensor batch) {
    double s = 0;
    for (double v : logDensity(batch)) {
      s += v;
    }
    return s / batch.shape().dim(0);
  }

  /**
   * The log-density of each sample of a batch and its gradient with respect to the batch, same
   * shape as the batch, with float32 products.
   *
   * @throws IllegalArgumentException naming both shapes if a sample does not have this density's size
   */
  default LogDensityGradient gradient(Tensor batch) {
    int n = Rows.count(batch, this);
    double[] g = new double[batch.size()];
    double[] values = logDensity(Rows.of(batch), n, g, Arithmetic.FLOAT32);
    return new LogDensityGradient(values, Tensor.of(batch.shape(), g));
  }
}
