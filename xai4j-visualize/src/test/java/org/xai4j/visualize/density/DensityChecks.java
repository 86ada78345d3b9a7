package org.xai4j.visualize.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks of densities: the finite-difference check of the log-density gradient in double precision
 * ({@link Arithmetic#FLOAT64}): every coordinate of every sample, central differences
 * {@code (log p(x + h e_j) - log p(x - h e_j)) / 2h}, compared with the analytic gradient relative
 * to the largest gradient entry of the sample.
 */
final class DensityChecks {
  private DensityChecks() {}

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
  /**
   * Checks that float32 products give the float64 log-densities to {@code valueTolerance} relative
   * and gradients to {@code gradientTolerance} of the largest float64 gradient entry.
   */
  static void float32AgreesWithFloat64(Density density, double[] probe, int n, double valueTolerance,
      double gradientTolerance) {
    double[] g32 = new double[probe.length];
    double[] g64 = new double[probe.length];
    double[] lp32 = density.logDensity(probe, n, g32, Arithmetic.FLOAT32);
    double[] lp64 = density.logDensity(probe, n, g64, Arithmetic.FLOAT64);
    double worst = 0;
    double scale = 0;
    for (int e = 0; e < probe.length; e++) {
      worst = Math.max(worst, Math.abs(g32[e] - g64[e]));
      scale = Math.max(scale, Math.abs(g64[e]));
    }
    for (int i = 0; i < n; i++) {
      assertEquals(lp64[i], lp32[i], valueTolerance * Math.abs(lp64[i]), density.describe() + ", sample " + i);
    }
    assertTrue(worst < gradientTolerance * scale, density.describe() + ": gradient differs by " + worst + " of " + scale);
  }
}
