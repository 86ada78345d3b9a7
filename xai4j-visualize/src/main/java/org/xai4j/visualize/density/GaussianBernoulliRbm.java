package org.xai4j.visualize.density;

import java.util.Locale;
import org.xai4j.tensor.Shape;

/**
 * A Gaussian-Bernoulli restricted Boltzmann machine: real visible units {@code v} (d values), binary
 * hidden units {@code h} (m values) and the energy
 *
 * <pre>
 *   E(v, h) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_j c_j h_j - sum_ij (v_i / sigma_i) W_ij h_j
 * </pre>
 *
 * <p>(Hinton &amp; Salakhutdinov 2006; Hinton, "A practical guide to training restricted Boltzmann
 * machines", 2010, section 13.2). Summing out {@code h} gives the free energy
 * {@code F(v) = sum_i (v_i - b_i)^2 / (2 sigma_i^2) - sum_j softplus(a_j)} with
 * {@code a_j = c_j + sum_i (v_i / sigma_i) W_ij}, and {@code log p(v) = -F(v) - log Z}. The gradient
 * is analytic: {@code d log p / dv_i = -(v_i - b_i) / sigma_i^2 + sum_j W_ij sigmoid(a_j) / sigma_i}.
 *
 * <p>The partition function Z is intractable (a sum over 2^m hidden states); {@link #logPartition()}
 * is an estimate by annealed importance sampling ({@link AnnealedImportanceSampling}), made when the
 * machine was fitted. It shifts every log-density by the same constant and does not change the
 * gradient, so activation maximization does not depend on it. {@link ContrastiveDivergence} fits one.
 */
public final class GaussianBernoulliRbm implements Density {
  private final Shape sampleShape;
  private final int hidden;
  private final ParameterMatrix weights;
  private final double[] visibleBias;
  private final double[] hiddenBias;
  private final double[] sigma;
  private final double logPartition;

  private GaussianBernoulliRbm(Shape sampleShape, int hidden, double[] weights, double[] visibleBias,
      double[] hiddenBias, double[] sigma, double logPartition) {
    this.sampleShape = sampleShape;
    this.hidden = hidden;
    this.weights = new ParameterMatrix(weights);
    this.visibleBias = visibleBias;
    this.hiddenBias = hiddenBias;
    this.sigma = sigma;
    this.logPartition = logPartition;
  }

  /**
   * A machine with these parameters.
   *
   * @param weights d x m row-major ({@code W_ij}, visible i, hidden j)
   * @param visibleBias d values b
   * @param hiddenBias m values c
   * @param sigma d positive standard deviations of the visible units
   * @param logPartition {@code log Z} (or an estimate of it); every log-density subtracts it
   * @throws IllegalArgumentException if a length is wrong, a sigma is not positive or a value is not finite
   */
  public static GaussianBernoulliRbm of(Shape sampleShape, int hidden, double[] weights, double[] visibleBias,
      double[] hiddenBias, double[] sigma, double logPartition) {
    int d = sampleShape.size();
    if (hidden < 1) {
      throw new IllegalArgumentException("an RBM needs at least 1 hidden unit, got " + hidden);
    }
    Rows.check("the RBM weights", weights, d, hidden);
    Rows.check("the visible bias", visibleBias, 1, d);
    Rows.check("the hidden bias", hiddenBias, 1, hidden);
    Rows.check("the visible sigma", sigma, 1, d);
    for (int i = 0; i < d; i++) {
      if (!(sigma[i] > 0) || Double.isInfinite(sigma[i])) {
        throw new IllegalArgumentException("visible unit " + i + " needs a positive finite sigma, got " + sigma[i]);
      }
    }
    if (!Double.isFinite(logPartition)) {
      throw new IllegalArgumentException("the log-partition function must be finite, got " + logPartition);
    }
    return new GaussianBernoulliRbm(sampleShape, hidden, weights.clone(), visibleBias.clone(), hiddenBias.clone(),
        sigma.clone(), logPartition);
  }

  /** This machine with another (estimate of the) log-partition function. */
  public GaussianBernoulliRbm withLogPartition(double logZ) {
    return of(sampleShape, hidden, weights.values(), visibleBias, hiddenBias, sigma, logZ);
  }

  @Override
  public Shape sampleShape() {
    return sampleShape;
  }

  @Override
  public DensityKind kind() {
    return DensityKind.RBM;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "rbm (Gaussian-Bernoulli, %d hidden, %d-d)", hidden, dimension());
  }

  /** Number of hidden units m. */
  public int hidden() {
    return hidden;
  }

  /** The weights, d x m row-major (a copy). */
  public double[] weights() {
    return weights.values().clone();
  }

  /** The visible bias b (a copy). */
  public double[] visibleBias() {
    return visibleBias.clone();
  }

  /** The hidden bias c (a copy). */
  public double[] hiddenBias() {
    return hiddenBias.clone();
  }

  /** The standard deviations of the visible units (a copy). */
  public double[] sigma() {
    return sigma.clone();
  }

  /** The (estimated) log-partition function {@code log Z}. */
  public double logPartition() {
    return logPartition;
  }

  /** The free energy {@code F(v)} of each of n samples. */
  public double[] freeEnergy(double[] x, int n, Arithmetic arithmetic) {
    double[] lp = logDensity(x, n, null, arithmetic);
    for (int i = 0; i < n; i++) {
      lp[i] = -(lp[i] + logPartition);
    }
    return lp;
  }

  @Override
  public double[] logDensity(double[] x, int n, double[] gradient, Arithmetic arithmetic) {
    int d = dimension();
    Rows.check("the samples", x, n, d);
    double[] a = hiddenInputs(x, n, 1, arithmetic);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double quadratic = 0;
      for (int v = 0; v < d; v++) {
        double r = (x[i * d + v] - visibleBias[v]) / sigma[v];
        quadratic += r * r;
      }
      double soft = 0;
      for (int j = 0; j < hidden; j++) {
        soft += softplus(a[i * hidden + j]);
      }
      out[i] = soft - 0.5 * quadratic - logPartition;
    }
    if (gradient != null) {
      Rows.check("the gradient", gradient, n, d);
      for (int e = 0; e < a.length; e++) {
        a[e] = sigmoid(a[e]);
      }
      arithmetic.multiply(false, true, n, d, hidden, a, weights, gradient);
      for (int i = 0; i < n; i++) {
        for (int v = 0; v < d; v++) {
          int e = i * d + v;
          gradient[e] = gradient[e] / sigma[v] - (x[e] - visibleBias[v]) / (sigma[v] * sigma[v]);
        }
      }
    }
    return out;
  }

  /** {@code a = c + scale * (v / sigma) W}: the inputs of the hidden units, n x m, at an inverse temperature {@code scale}. */
  double[] hiddenInputs(double[] x, int n, double scale, Arithmetic arithmetic) {
    return hiddenInputsOf(projection(x, n, arithmetic), n, scale);
  }

  /** {@code c + scale * p} for a projection p from {@link #projection}. */
  double[] hiddenInputsOf(double[] projection, int n, double scale) {
    double[] a = new double[n * hidden];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < hidden; j++) {
        a[i * hidden + j] = hiddenBias[j] + scale * projection[i * hidden + j];
      }
    }
    return a;
  }

  /** {@code (v / sigma) W}, n x m: what the visible units feed the hidden ones, before bias and temperature. */
  double[] projection(double[] x, int n, Arithmetic arithmetic) {
    int d = dimension();
    double[] u = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < d; v++) {
        u[i * d + v] = x[i * d + v] / sigma[v];
      }
    }
    return arithmetic.multiply(false, false, n, hidden, d, u, weights);
  }

  /** The mean of the visible units given hidden states h (n x m): {@code b + scale * sigma * (W h)}. */
  double[] visibleMean(double[] h, int n, double scale, Arithmetic arithmetic) {
    int d = dimension();
    double[] m = arithmetic.multiply(false, true, n, d, hidden, h, weights);
    for (int i = 0; i < n; i++) {
      for (int v = 0; v < d; v++) {
        m[i * d + v] = visibleBias[v] + scale * sigma[v] * m[i * d + v];
      }
    }
    return m;
  }

  /** {@code log(1 + e^x)} without overflow. */
  static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  /** {@code 1 / (1 + e^-x)}. */
  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
