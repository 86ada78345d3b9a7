package org.xai4j.visualize.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finite-difference check of a density's log-density gradient in double precision
 * ({@link Arithmetic#FLOAT64}): every coordinate of every sample, central differences
 * {@code (log p(x + h e_j) - log p(x - h e_j)) / 2h}, compared with the analytic gradient relative
 * to the largest gradient entry of the sample.
 */
final class DensityGradientCheck {
  private DensityGradientCheck() {}

  /** Checks the gradient at n samples; returns the worst relative error seen. */
  static double check(Density density, double[] x, int n, double step, double tolerance) {
    int d = density.dimension();
    double[] analytic = new double[n * d];
    double[] values = density.logDensity(x, n, analytic, Arithmetic.FLOAT64);
    double[] without = density.logDensity(x, n, null, Arithmetic.FLOAT64);
    for (int i = 0; i < n; i++) {
      assertEquals(values[i], without[i], 0, "log-density with and without the gradient, sample " + i);
    }
    double worst = 0;
    for (int i = 0; i < n; i++) {
      double scale = 0;
      for (int j = 0; j < d; j++) {
        scale = Math.max(scale, Math.abs(analytic[i * d + j]));
      }
      assertTrue(scale > 0, "gradient of sample " + i + " is zero");
      double[] one = java.util.Arrays.copyOfRange(x, i * d, (i + 1) * d);
      for (int j = 0; j < d; j++) {
        double keep = one[j];
        one[j] = keep + step;
        double up = density.logDensity(one, 1, null, Arithmetic.FLOAT64)[0];
        one[j] = keep - step;
        double down = density.logDensity(one, 1, null, Arithmetic.FLOAT64)[0];
        one[j] = keep;
        double numeric = (up - down) / (2 * step);
        double error = Math.abs(numeric - analytic[i * d + j]) / scale;
        worst = Math.max(worst, error);
        assertTrue(error <= tolerance, density.describe() + ": sample " + i + " coordinate " + j + " analytic "
            + analytic[i * d + j] + " numeric " + numeric + " (relative error " + error + ")");
      }
    }
    return worst;
  }
}
