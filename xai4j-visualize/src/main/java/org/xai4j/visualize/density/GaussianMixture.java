package org.xai4j.visualize.density;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.xai4j.tensor.Shape;

/**
 * A mixture of full-covariance Gaussians, {@code p(x) = sum_k w_k N(x; mean_k, covariance_k)}.
 * The log-density is evaluated by log-sum-exp over the components' {@code log w_k + log N_k(x)},
 * so it stays finite where every component density underflows; its gradient is the
 * responsibility-weighted sum of the components' gradients,
 * {@code d log p / dx = sum_k r_k(x) d log N_k / dx} with {@code r_k = w_k N_k(x) / p(x)}.
 * {@link ExpectationMaximization} fits one to data.
 */
public final class GaussianMixture implements Density {
  private static final double WEIGHT_SUM_TOLERANCE = 1e-9;

  private final double[] weights;
  private final double[] logWeights;
  private final List<Gaussian> components;

  private GaussianMixture(double[] weights, List<Gaussian> components) {
    this.weights = weights;
    this.components = components;
    this.logWeights = new double[weights.length];
    for (int k = 0; k < weights.length; k++) {
      logWeights[k] = Math.log(weights[k]);
    }
  }

  /**
   * The mixture of these components with these weights.
   *
   * @param weights one positive weight per component, summing to 1 (to within 1e-9)
   * @param components at least one Gaussian, all with the same sample shape
   * @throws IllegalArgumentException if the counts or sample shapes differ or a weight is invalid
   */
  public static GaussianMixture of(double[] weights, List<Gaussian> components) {
    if (components.isEmpty() || weights.length != components.size()) {
      throw new IllegalArgumentException("a mixture needs one weight per component and at least one component, got "
          + weights.length + " weights for " + components.size() + " components");
    }
    Shape shape = components.get(0).sampleShape();
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      if (!components.get(k).sampleShape().equals(shape)) {
        throw new IllegalArgumentException("mixture component " + k + " has sample shape "
            + components.get(k).sampleShape() + ", component 0 has " + shape);
      }
      if (!(weights[k] > 0) || Double.isInfinite(weights[k])) {
        throw new IllegalArgumentException("mixture weight " + k + " must be positive and finite, got " + weights[k]);
      }
      sum += weights[k];
    }
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException("mixture weights must sum to 1, got " + sum);
    }
    return new GaussianMixture(weights.clone(), List.copyOf(components));
  }

  @Override
  public Shape sampleShape() {
    return components.get(0).sampleShape();
  }

  @Override
  public DensityKind kind() {
    return DensityKind.MIXTURE;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "gmm (k=%d, full covariance, %d-d)", components.size(), dimension());
  }

  /** Number of components. */
  public int size() {
    return components.size();
  }

  /** The component weights (a copy). */
  public double[] weights() {
    return weights.clone();
  }

  /** The components, in order. */
  public List<Gaussian> components() {
    return components;
  }

  @Override
  public double[] logDensity(double[] x, int n, double[] gradient, Arithmetic arithmetic) {
    int d = dimension();
    int k = components.size();
    Rows.check("the samples", x, n, d);
    double[][] whitened = gradient == null ? null : new double[k][];
    double[] joint = joint(x, n, arithmetic, whitened);
    double[] out = LogSumExp.rows(joint, n, k);
    if (gradient != null) {
      Rows.check("the gradient", gradient, n, d);
      Arrays.fill(gradient, 0);
      for (int c = 0; c < k; c++) {
        double[] g = components.get(c).gradientFromWhitened(whitened[c], n, arithmetic);
        for (int i = 0; i < n; i++) {
          double r = Math.exp(joint[i * k + c] - out[i]);
          for (int j = 0; j < d; j++) {
            gradient[i * d + j] += r * g[i * d + j];
          }
        }
      }
    }
    return out;
  }

  /**
   * {@code log w_k + log N_k(x_i)} for every sample i and component k, n x k row-major: the joint
   * log-densities from which the E-step of {@link ExpectationMaximization} takes responsibilities.
   */
  double[] jointLogDensities(double[] x, int n, Arithmetic arithmetic) {
    return joint(x, n, arithmetic, null);
  }

  /** The joint log-densities; keeps each component's whitened samples in {@code whitened} unless it is null. */
  private double[] joint(double[] x, int n, Arithmetic arithmetic, double[][] whitened) {
    int d = dimension();
    int k = components.size();
    double[] joint = new double[n * k];
    for (int c = 0; c < k; c++) {
      Gaussian g = components.get(c);
      double[] z = g.whiten(x, n, arithmetic);
      for (int i = 0; i < n; i++) {
        joint[i * k + c] = logWeights[c] + g.logDensityOfWhitened(Gaussian.squaredNorm(z, i * d, d));
      }
      if (whitened != null) {
        whitened[c] = z;
      }
    }
    return joint;
  }
}
