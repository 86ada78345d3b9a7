package org.xai4j.explain.attribution;

import java.util.Arrays;

/**
 * Rules that approximate {@code integral_0^1 g(alpha) d alpha} by {@code sum_i w_i g(alpha_i)},
 * defined as Captum's {@code approximation_methods} defines them for Integrated Gradients.
 *
 * <p>Riemann rules use {@code n} evenly spaced points with weights {@code 1/n}; the trapezoid rule
 * places its points at {@code linspace(0, 1, n)} and halves the first and last weight, keeping
 * Captum's convention that the other weights are {@code 1/n} (so the weights sum to
 * {@code 1 - 1/n}, not 1). Gauss-Legendre uses the {@code n} Legendre nodes mapped from
 * {@code [-1, 1]} to {@code [0, 1]} with halved weights. Deliberate difference: Captum requires
 * {@code n > 1} for every Riemann rule; here left, right and middle accept {@code n = 1}.
 */
public enum Quadrature {
  /** Points {@code i/n}, {@code i = 0..n-1}. */
  RIEMANN_LEFT,
  /** Points {@code (i+1)/n}. */
  RIEMANN_RIGHT,
  /** Points {@code (i+1/2)/n}. */
  RIEMANN_MIDDLE,
  /** Points {@code i/(n-1)}, weights {@code 1/n} with the first and last halved (Captum). */
  RIEMANN_TRAPEZOID,
  /** Gauss-Legendre nodes and weights on {@code [0, 1]}. */
  GAUSS_LEGENDRE;

  private static final int NEWTON_MAX_ITERATIONS = 100;
  private static final double NEWTON_TOLERANCE = 1e-15;

  /**
   * The points and weights for {@code n} evaluations.
   *
   * @throws IllegalArgumentException if {@code n < 1}, or {@code n < 2} for the trapezoid rule
   */
  public Points points(int n) {
    int min = this == RIEMANN_TRAPEZOID ? 2 : 1;
    if (n < min) {
      throw new IllegalArgumentException(this + " needs at least " + min + " steps, got " + n);
    }
    double[] alphas = new double[n];
    double[] weights = new double[n];
    if (this == GAUSS_LEGENDRE) {
      gaussLegendre(n, alphas, weights);
      return new Points(alphas, weights);
    }
    Arrays.fill(weights, 1.0 / n);
    for (int i = 0; i < n; i++) {
      alphas[i] = switch (this) {
        case RIEMANN_LEFT -> (double) i / n;
        case RIEMANN_RIGHT -> (double) (i + 1) / n;
        case RIEMANN_MIDDLE -> (i + 0.5) / n;
        default -> (double) i / (n - 1);
      };
    }
    if (this == RIEMANN_TRAPEZOID) {
      weights[0] /= 2;
      weights[n - 1] /= 2;
    }
    return new Points(alphas, weights);
  }

  /** Nodes in ascending order, by Newton's method on the Legendre polynomial {@code P_n}. */
  private static void gaussLegendre(int n, double[] alphas, double[] weights) {
    for (int i = 0; i < n; i++) {
      // the i-th largest root lies near cos(pi (i + 3/4) / (n + 1/2))
      double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
      double derivative = 0;
      for (int it = 0; it < NEWTON_MAX_ITERATIONS; it++) {
        double[] pd = legendre(n, x);
        derivative = pd[1];
        double dx = pd[0] / derivative;
        x -= dx;
        if (Math.abs(dx) < NEWTON_TOLERANCE) {
          derivative = legendre(n, x)[1];
          break;
        }
      }
      int k = n - 1 - i;
      alphas[k] = 0.5 * (1 + x);
      weights[k] = 0.5 * 2 / ((1 - x * x) * derivative * derivative);
    }
  }

  /** {@code P_n(x)} and {@code P_n'(x)} by the three-term recurrence. */
  private static double[] legendre(int n, double x) {
    double p0 = 1;
    double p1 = x;
    for (int k = 2; k <= n; k++) {
      double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    double pn = n == 0 ? 1 : p1;
    double pnMinus1 = n == 0 ? 0 : p0;
    return new double[] {pn, n * (x * pn - pnMinus1) / (x * x - 1)};
  }

  /**
   * Evaluation points and their weights.
   *
   * @param alphas points in {@code [0, 1]}
   * @param weights the weight of each point
   */
  public record Points(double[] alphas, double[] weights) {
    /** Copies both arrays. */
    public Points {
      alphas = alphas.clone();
      weights = weights.clone();
    }

    @Override
    public double[] alphas() {
      return alphas.clone();
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }

    /** Number of points. */
    public int count() {
      return alphas.length;
    }
  }
}
