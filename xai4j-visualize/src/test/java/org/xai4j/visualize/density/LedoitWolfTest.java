package org.xai4j.visualize.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;

class LedoitWolfTest {
  /** The shrinkage from the paper's definitions, term by term: b2 = sum_k |x_k x_k^T - S|^2 / n^2 (all / d). */
  private static double bruteForceShrinkage(double[] x, int n, int d) {
    double[] mean = Moments.mean(x, n, d);
    double[] c = Moments.centre(x, n, d, mean);
    double[] s = new double[d * d];
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          s[i * d + j] += c[k * d + i] * c[k * d + j] / n;
        }
      }
    }
    double mu = 0;
    for (int i = 0; i < d; i++) {
      mu += s[i * d + i] / d;
    }
    double d2 = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double v = s[i * d + j] - (i == j ? mu : 0);
        d2 += v * v / d;
      }
    }
    double b2 = 0;
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          double v = c[k * d + i] * c[k * d + j] - s[i * d + j];
          b2 += v * v / ((double) n * n * d);
        }
      }
    }
    return Math.min(b2, d2) / d2;
  }

  @Test
  void shrinkageMatchesThePapersDefinitionOnDigits() {
    int n = 200;
    double[] x = Digits.pooled(n, 4);
    LedoitWolf.Fit fit = LedoitWolf.fit(Digits.pooledShape(4), x, n, Arithmetic.FLOAT64);
    double expected = bruteForceShrinkage(x, n, 49);
    assertEquals(expected, fit.shrinkage(), 1e-12);
    assertTrue(fit.shrinkage() > 0.01 && fit.shrinkage() < 0.5, "shrinkage " + fit.shrinkage());
  }

  @Test
  void covarianceIsTheShrunkSampleCovariance() {
    double[] x = {0, 0, 1, 2, 2, 1, 3, 5, -1, 0};
    LedoitWolf.Fit fit = LedoitWolf.fit(Shape.of(2), x, 5, Arithmetic.FLOAT64);
    double[] mean = fit.gaussian().mean();
    assertEquals(1, mean[0], 1e-15);
    assertEquals(1.6, mean[1], 1e-15);
    double sxx = (1 + 0 + 1 + 4 + 4) / 5.0;
    double syy = (1.6 * 1.6 + 0.4 * 0.4 + 0.6 * 0.6 + 3.4 * 3.4 + 1.6 * 1.6) / 5.0;
    double sxy = ((-1) * (-1.6) + 0 * 0.4 + 1 * (-0.6) + 2 * 3.4 + (-2) * (-1.6)) / 5.0;
    double mu = (sxx + syy) / 2;
    double a = fit.shrinkage();
    assertEquals(bruteForceShrinkage(x, 5, 2), a, 1e-12);
    double[] cov = fit.gaussian().covariance();
    assertEquals((1 - a) * sxx + a * mu, cov[0], 1e-12);
    assertEquals((1 - a) * sxy, cov[1], 1e-12);
    assertEquals((1 - a) * syy + a * mu, cov[3], 1e-12);
  }

  @Test
  void fullSizeDigitsWithConstantBorderPixelsGiveAPositiveDefiniteCovariance() {
    int n = 1000;
    double[] x = Rows.of(Digits.train(n));
    LedoitWolf.Fit fit = LedoitWolf.fit(Shape.of(1, 28, 28), x, n, Arithmetic.FLOAT32);
    assertTrue(Double.isFinite(fit.gaussian().logDeterminant()));
    double heldOut = fit.gaussian().meanLogDensity(Digits.test(500));
    double train = fit.gaussian().meanLogDensity(Digits.train(500));
    assertTrue(train > heldOut, "train " + train + " held-out " + heldOut);
    assertTrue(heldOut > 0, "held-out log-likelihood " + heldOut);
  }

  @Test
  void rejectsDataThatDoNotVary() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LedoitWolf.fit(Shape.of(2), new double[] {1, 2, 1, 2}, 2, Arithmetic.FLOAT64));
    assertEquals("the 2 samples of 2 values do not vary (trace of the covariance 0.0); a Gaussian cannot be fitted",
        e.getMessage());
  }
}
