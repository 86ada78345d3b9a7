package org.xai4j.visualize.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.train.TrainingListener;

class GaussianMixtureTest {
  private static final Shape TWO = Shape.of(2);

  private static GaussianMixture twoComponents() {
    return GaussianMixture.of(new double[] {0.3, 0.7}, List.of(
        Gaussian.of(TWO, new double[] {0, 0}, new double[] {1, 0.2, 0.2, 0.5}),
        Gaussian.of(TWO, new double[] {3, -1}, new double[] {0.4, -0.1, -0.1, 2})));
  }

  @Test
  void logDensityIsTheLogOfTheWeightedSum() {
    GaussianMixture m = twoComponents();
    double[] x = {0.5, 0.1, 2, -2, 1.5, -0.5};
    double[] lp = m.logDensity(x, 3, null, Arithmetic.FLOAT64);
    for (int i = 0; i < 3; i++) {
      double[] one = {x[2 * i], x[2 * i + 1]};
      double p = 0.3 * Math.exp(m.components().get(0).logDensity(one, 1, null, Arithmetic.FLOAT64)[0])
          + 0.7 * Math.exp(m.components().get(1).logDensity(one, 1, null, Arithmetic.FLOAT64)[0]);
      assertEquals(Math.log(p), lp[i], 1e-13);
    }
  }

  @Test
  void logSumExpKeepsFarAwayPointsFinite() {
    GaussianMixture m = twoComponents();
    double[] far = {1e3, 1e3};
    double[] g = new double[2];
    double lp = m.logDensity(far, 1, g, Arithmetic.FLOAT64)[0];
    double[] first = new double[2];
    double[] second = new double[2];
    double lp1 = m.components().get(0).logDensity(far, 1, first, Arithmetic.FLOAT64)[0] + Math.log(0.3);
    double lp2 = m.components().get(1).logDensity(far, 1, second, Arithmetic.FLOAT64)[0] + Math.log(0.7);
    assertTrue(Math.exp(lp1) == 0 && Math.exp(lp2) == 0, "both component densities underflow");
    assertTrue(Double.isFinite(lp) && lp < -1e5, "log-density " + lp);
    assertEquals(Math.max(lp1, lp2), lp, 1e-9 * Math.abs(lp), "the dominating component decides");
    assertEquals(lp1 > lp2 ? first[0] : second[0], g[0], 1e-9 * Math.abs(g[0]));
  }

  @Test
  void gradientPassesAFiniteDifferenceCheckOnDigits() {
    Shape shape = Digits.pooledShape(4);
    double[] x = Digits.pooled(600, 4);
    GaussianMixture m = ExpectationMaximization.fit(shape, x, 600, MixtureSettings.defaults().withComponents(3),
        Arithmetic.FLOAT64, TrainingListener.silent()).mixture();
    DensityChecks.check(m, java.util.Arrays.copyOf(x, 4 * 49), 4, 1e-5, 1e-6);
  }

  @Test
  void emNeverLowersTheTrainingLogLikelihoodOnDigits() {
    Shape shape = Digits.pooledShape(4);
    int n = 1500;
    double[] x = Digits.pooled(n, 4);
    for (double floor : new double[] {1e-6, MixtureSettings.DEFAULT_COVARIANCE_FLOOR}) {
      ExpectationMaximization.Fit fit = ExpectationMaximization.fit(shape, x, n, MixtureSettings.defaults()
          .withComponents(5).withCovarianceFloor(floor).withIterations(15, 0), Arithmetic.FLOAT64,
          TrainingListener.silent());
      double[] ll = fit.logLikelihoods();
      assertEquals(16, ll.length);
      for (int i = 1; i < ll.length; i++) {
        assertTrue(ll[i] >= ll[i - 1], "floor " + floor + ": iteration " + i + " lowered the log-likelihood from "
            + ll[i - 1] + " to " + ll[i]);
      }
      assertTrue(ll[ll.length - 1] > ll[0], "floor " + floor + ": EM did not improve on the k-means start "
          + ll[0]);
      assertEquals(fit.mixture().meanLogDensity(org.xai4j.tensor.Tensor.of(Shape.of(n, 49), x)), ll[ll.length - 1],
          1e-4, "the last entry is the returned mixture's");
    }
  }

  @Test
  void aComponentThatIsNotPositiveDefiniteIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpectationMaximization.fit(
        Digits.pooledShape(4), Digits.pooled(300, 4), 300, MixtureSettings.defaults().withComponents(2)
            .withCovarianceFloor(0), Arithmetic.FLOAT64, TrainingListener.silent()));
    assertTrue(e.getMessage().matches("mixture component \\d of 2 \\(\\d+\\.\\d samples\\): the 49 x 49 covariance is not "
        + "positive definite \\(Cholesky decomposition failed\\); raise the shrinkage or the covariance floor"),
        e.getMessage());
  }

  @Test
  void emRecoversAKnownMixture() {
    Random random = new Random(5);
    int n = 3000;
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      boolean first = random.nextDouble() < 0.25;
      x[2 * i] = first ? -4 + random.nextGaussian() : 2 + 0.5 * random.nextGaussian();
      x[2 * i + 1] = first ? 1 + 0.3 * random.nextGaussian() : -1 + random.nextGaussian();
    }
    GaussianMixture m = ExpectationMaximization.fit(TWO, x, n, MixtureSettings.defaults().withComponents(2)
        .withCovarianceFloor(0), Arithmetic.FLOAT64, TrainingListener.silent()).mixture();
    int small = m.weights()[0] < m.weights()[1] ? 0 : 1;
    assertEquals(0.25, m.weights()[small], 0.02);
    assertEquals(-4, m.components().get(small).mean()[0], 0.1);
    assertEquals(1, m.components().get(small).mean()[1], 0.05);
    assertEquals(2, m.components().get(1 - small).mean()[0], 0.05);
    assertEquals(0.25, m.components().get(1 - small).covariance()[0], 0.02);
    assertEquals(1, m.components().get(1 - small).covariance()[3], 0.08);
  }

  @Test
  void float32ProductsAgreeWithFloat64OnFullSizeDigits() {
    Shape shape = Shape.of(1, 28, 28);
    double[] x = Rows.of(Digits.train(800));
    GaussianMixture m = ExpectationMaximization.fit(shape, x, 800, MixtureSettings.defaults().withComponents(3)
        .withIterations(2, 0), Arithmetic.FLOAT32, TrainingListener.silent()).mixture();
    DensityChecks.float32AgreesWithFloat64(m, Rows.of(Digits.test(6)), 6, 1e-5, 1e-4);
  }

  @Test
  void rejectsWeightsThatDoNotSumToOne() {
    Gaussian g = twoComponents().components().get(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GaussianMixture.of(new double[] {0.5, 0.6}, List.of(g, g)));
    assertEquals("mixture weights must sum to 1, got 1.1", e.getMessage());
  }

  @Test
  void kMeansNeedsAsManyDistinctSamplesAsClusters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExpectationMaximization.fit(TWO,
        new double[] {1, 1, 1, 1, 1, 1}, 3, MixtureSettings.defaults().withComponents(2), Arithmetic.FLOAT64,
        TrainingListener.silent()));
    assertEquals("k-means++ needs 2 distinct samples, the 3 samples have only 1", e.getMessage());
  }
}
