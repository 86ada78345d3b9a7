package org.xai4j.visualize.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.train.TrainingListener;

class GaussianBernoulliRbmTest {
  /** A small machine with random parameters. */
  private static GaussianBernoulliRbm random(int d, int m, double weightScale, long seed) {
    Random r = new Random(seed);
    double[] w = new double[d * m];
    double[] b = new double[d];
    double[] c = new double[m];
    double[] sigma = new double[d];
    for (int e = 0; e < w.length; e++) {
      w[e] = weightScale * r.nextGaussian();
    }
    for (int i = 0; i < d; i++) {
      b[i] = r.nextGaussian();
      sigma[i] = 0.5 + r.nextDouble();
    }
    for (int j = 0; j < m; j++) {
      c[j] = r.nextGaussian();
    }
    return GaussianBernoulliRbm.of(Shape.of(d), m, w, b, c, sigma, 0);
  }

  /** log sum_h exp(-E(v, h)) by enumerating every hidden state. */
  private static double logSumOverHidden(GaussianBernoulliRbm rbm, double[] v) {
    int d = rbm.dimension();
    int m = rbm.hidden();
    double[] w = rbm.weights();
    double[] b = rbm.visibleBias();
    double[] c = rbm.hiddenBias();
    double[] sigma = rbm.sigma();
    double[] terms = new double[1 << m];
    for (int h = 0; h < 1 << m; h++) {
      double e = 0;
      for (int i = 0; i < d; i++) {
        e += (v[i] - b[i]) * (v[i] - b[i]) / (2 * sigma[i] * sigma[i]);
      }
      for (int j = 0; j < m; j++) {
        if ((h >> j & 1) == 1) {
          e -= c[j];
          for (int i = 0; i < d; i++) {
            e -= v[i] / sigma[i] * w[i * m + j];
          }
        }
      }
      terms[h] = -e;
    }
    return LogSumExp.of(terms, 0, terms.length);
  }

  /** log Z exactly: the visible units integrate out in closed form for every hidden state. */
  private static double exactLogPartition(GaussianBernoulliRbm rbm) {
    int d = rbm.dimension();
    int m = rbm.hidden();
    double[] w = rbm.weights();
    double[] b = rbm.visibleBias();
    double[] c = rbm.hiddenBias();
    double[] sigma = rbm.sigma();
    double base = 0.5 * d * Math.log(2 * Math.PI);
    for (double s : sigma) {
      base += Math.log(s);
    }
    double[] terms = new double[1 << m];
    for (int h = 0; h < 1 << m; h++) {
      double t = 0;
      for (int j = 0; j < m; j++) {
        t += (h >> j & 1) * c[j];
      }
      for (int i = 0; i < d; i++) {
        double wh = 0;
        for (int j = 0; j < m; j++) {
          wh += (h >> j & 1) * w[i * m + j];
        }
        double beta = b[i] / sigma[i];
        t += 0.5 * (beta + wh) * (beta + wh) - 0.5 * beta * beta;
      }
      terms[h] = t;
    }
    return base + LogSumExp.of(terms, 0, terms.length);
  }

  @Test
  void minusTheFreeEnergyIsTheLogOfTheSumOverHiddenStates() {
    GaussianBernoulliRbm rbm = random(5, 6, 0.7, 1);
    double[] v = {0.3, -1, 2, 0, 0.5};
    assertEquals(logSumOverHidden(rbm, v), -rbm.freeEnergy(v, 1, Arithmetic.FLOAT64)[0], 1e-12);
  }

  @Test
  void gradientPassesAFiniteDifferenceCheck() {
    GaussianBernoulliRbm rbm = random(7, 5, 0.8, 2);
    double[] x = new double[3 * 7];
    Random r = new Random(3);
    for (int e = 0; e < x.length; e++) {
      x[e] = 2 * r.nextGaussian();
    }
    DensityChecks.check(rbm, x, 3, 1e-5, 1e-7);
  }

  @Test
  void gradientOfAMachineTrainedOnDigitsPassesAFiniteDifferenceCheck() {
    Shape shape = Digits.pooledShape(4);
    double[] x = Digits.pooled(500, 4);
    GaussianBernoulliRbm rbm = ContrastiveDivergence.fit(shape, x, 500, RbmSettings.defaults().withHidden(32)
        .withEpochs(3), Arithmetic.FLOAT64, TrainingListener.silent()).rbm();
    DensityChecks.check(rbm, java.util.Arrays.copyOf(x, 3 * 49), 3, 1e-5, 1e-7);
  }

  @Test
  void contrastiveDivergenceLowersTheReconstructionErrorOnDigits() {
    int n = 1000;
    double[] x = Rows.of(Digits.train(n));
    ContrastiveDivergence.Fit fit = ContrastiveDivergence.fit(Shape.of(1, 28, 28), x, n, RbmSettings.defaults()
        .withHidden(64).withEpochs(4), Arithmetic.FLOAT32, TrainingListener.silent());
    double[] errors = fit.reconstructionErrors();
    assertEquals(5, errors.length);
    for (int e = 1; e < errors.length; e++) {
      assertTrue(errors[e] < errors[e - 1], "epoch " + e + " raised the reconstruction error from " + errors[e - 1]
          + " to " + errors[e]);
    }
    assertTrue(errors[4] < 0.85 * errors[0], "reconstruction error only fell from " + errors[0] + " to " + errors[4]);
    double heldOut = ContrastiveDivergence.reconstructionError(fit.rbm(), Rows.of(Digits.test(500)), 500,
        Arithmetic.FLOAT32);
    assertTrue(heldOut < 0.85 * errors[0], "held-out reconstruction error " + heldOut + " vs " + errors[0]);
  }

  @Test
  void annealedImportanceSamplingAgreesWithTheExactPartitionFunction() {
    GaussianBernoulliRbm rbm = random(10, 12, 0.5, 4);
    double exact = exactLogPartition(rbm);
    AnnealedImportanceSampling.Estimate e = AnnealedImportanceSampling.logPartition(rbm,
        new AisSettings(200, 500, 9), Arithmetic.FLOAT64);
    assertTrue(e.standardError() > 0 && e.standardError() < 0.05, "standard error " + e.standardError());
    assertEquals(exact, e.logPartition(), Math.max(4 * e.standardError(), 0.02),
        "AIS " + e.logPartition() + " +- " + e.standardError() + " vs exact " + exact);
  }

  @Test
  void theLogPartitionShiftsEveryLogDensityButNotTheGradient() {
    GaussianBernoulliRbm rbm = random(4, 3, 0.5, 6);
    GaussianBernoulliRbm shifted = rbm.withLogPartition(12.5);
    double[] v = {1, 2, 3, 4};
    double[] g1 = new double[4];
    double[] g2 = new double[4];
    double a = rbm.logDensity(v, 1, g1, Arithmetic.FLOAT64)[0];
    double b = shifted.logDensity(v, 1, g2, Arithmetic.FLOAT64)[0];
    assertEquals(a - 12.5, b, 1e-12);
    assertEquals(g1[2], g2[2], 0);
  }

  @Test
  void rejectsANonPositiveSigma() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianBernoulliRbm.of(
        Shape.of(2), 1, new double[2], new double[2], new double[1], new double[] {1, 0}, 0));
    assertEquals("visible unit 1 needs a positive finite sigma, got 0.0", e.getMessage());
  }
}
