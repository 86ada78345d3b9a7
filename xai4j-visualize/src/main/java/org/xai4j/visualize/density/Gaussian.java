package org.xai4j.visualize.density;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.xai4j.tensor.Shape;

/**
 * A multivariate normal density {@code N(mean, covariance)} with a full covariance matrix, held as
 * its Cholesky factor {@code covariance = L L^T} (EJML). With {@code W = L^-1} (computed once from
 * the factor by triangular inversion, never by inverting the covariance) and {@code z = W (x - mean)}:
 *
 * <pre>
 *   log p(x)       = -d/2 log(2 pi) - sum_i log L_ii - |z|^2 / 2
 *   d log p / dx   = -W^T z  = -covariance^-1 (x - mean)
 * </pre>
 *
 * <p>For a batch both are two matrix products ({@code Z = (X - mean) W^T}, {@code G = -Z W}), in the
 * precision the caller's {@link Arithmetic} names. {@link LedoitWolf} fits one to data; {@link
 * GaussianMixture} combines several.
 */
public final class Gaussian implements Density {
  private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

  private final Shape sampleShape;
  private final double[] mean;
  private final double[] cholesky;
  private final ParameterMatrix whitening;
  private final double logNormalizer;

  private Gaussian(Shape sampleShape, double[] mean, double[] cholesky) {
    int d = sampleShape.size();
    Rows.check("the mean", mean, 1, d);
    Rows.check("the Cholesky factor", cholesky, d, d);
    double logDet = 0;
    for (int i = 0; i < d; i++) {
      double lii = cholesky[i * d + i];
      if (!(lii > 0) || Double.isInfinite(lii)) {
        throw new IllegalArgumentException("the Cholesky factor of a " + d + "-dimensional Gaussian needs a "
            + "positive finite diagonal, got L[" + i + "][" + i + "] = " + lii);
      }
      for (int j = i + 1; j < d; j++) {
        if (cholesky[i * d + j] != 0) {
          throw new IllegalArgumentException("the Cholesky factor must be lower triangular, got L[" + i + "]["
              + j + "] = " + cholesky[i * d + j]);
        }
      }
      logDet += 2 * Math.log(lii);
    }
    this.sampleShape = sampleShape;
    this.mean = mean.clone();
    this.cholesky = cholesky.clone();
    double[] w = cholesky.clone();
    TriangularSolver_DDRM.invertLower(w, d);
    this.whitening = new ParameterMatrix(w);
    this.logNormalizer = -0.5 * (d * LOG_TWO_PI + logDet);
  }

  /**
   * The Gaussian with this mean and covariance.
   *
   * @param sampleShape the shape of one sample; its size d is the dimension
   * @param mean d values
   * @param covariance d x d row-major, symmetric positive definite
   * @throws IllegalArgumentException if a length is wrong or the covariance is not positive definite
   */
  public static Gaussian of(Shape sampleShape, double[] mean, double[] covariance) {
    int d = sampleShape.size();
    Rows.check("the covariance", covariance, d, d);
    return new Gaussian(sampleShape, mean, choleskyFactor(covariance, d));
  }

  /**
   * The Gaussian with this mean and the covariance {@code L L^T}.
   *
   * @param cholesky d x d row-major, lower triangular with a positive diagonal
   * @throws IllegalArgumentException if a length is wrong or the factor is not lower triangular
   *     with a positive diagonal
   */
  public static Gaussian ofCholesky(Shape sampleShape, double[] mean, double[] cholesky) {
    return new Gaussian(sampleShape, mean, cholesky);
  }

  /**
   * The lower Cholesky factor of a symmetric matrix (EJML).
   *
   * @throws IllegalArgumentException if the matrix is not positive definite
   */
  static double[] choleskyFactor(double[] symmetric, int d) {
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
    DMatrixRMaj a = new DMatrixRMaj(d, d);
    System.arraycopy(symmetric, 0, a.data, 0, d * d);
    if (!chol.decompose(a)) {
      throw new IllegalArgumentException("the " + d + " x " + d + " covariance is not positive definite "
          + "(Cholesky decomposition failed); raise the shrinkage or the covariance floor");
    }
    return chol.getT(null).data;
  }

  @Override
  public Shape sampleShape() {
    return sampleShape;
  }

  @Override
  public DensityKind kind() {
    return DensityKind.GAUSSIAN;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "gaussian (full covariance, %d-d)", dimension());
  }

  /** The mean (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** The lower Cholesky factor L of the covariance, d x d row-major (a copy). */
  public double[] choleskyFactor() {
    return cholesky.clone();
  }

  /** The covariance {@code L L^T}, d x d row-major. */
  public double[] covariance() {
    int d = dimension();
    return Arithmetic.FLOAT64.multiply(false, true, d, d, d, cholesky, cholesky);
  }

  /** The natural logarithm of the covariance's determinant, {@code 2 sum_i log L_ii}. */
  public double logDeterminant() {
    return -2 * logNormalizer - dimension() * LOG_TWO_PI;
  }

  @Override
  public double[] logDensity(double[] x, int n, double[] gradient, Arithmetic arithmetic) {
    int d = dimension();
    Rows.check("the samples", x, n, d);
    double[] z = whiten(x, n, arithmetic);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = logDensityOfWhitened(squaredNorm(z, i * d, d));
    }
    if (gradient != null) {
      Rows.check("the gradient", gradient, n, d);
      System.arraycopy(gradientFromWhitened(z, n, arithmetic), 0, gradient, 0, n * d);
    }
    return out;
  }

  /** {@code Z = (X - mean) W^T}: the samples in the coordinates where this Gaussian is standard normal. */
  double[] whiten(double[] x, int n, Arithmetic arithmetic) {
    int d = dimension();
    return arithmetic.multiply(false, true, n, d, d, Moments.centre(x, n, d, mean), whitening);
  }

  /** {@code -W^T z} per row: the gradient of the log-density from the whitened samples. */
  double[] gradientFromWhitened(double[] z, int n, Arithmetic arithmetic) {
    int d = dimension();
    double[] g = arithmetic.multiply(false, false, n, d, d, z, whitening);
    for (int i = 0; i < g.length; i++) {
      g[i] = -g[i];
    }
    return g;
  }

  /** {@code log p} from the squared norm of a whitened sample. */
  double logDensityOfWhitened(double squaredNorm) {
    return logNormalizer - 0.5 * squaredNorm;
  }

  static double squaredNorm(double[] a, int offset, int length) {
    double s = 0;
    for (int j = 0; j < length; j++) {
      double v = a[offset + j];
      s += v * v;
    }
    return s;
  }
}
