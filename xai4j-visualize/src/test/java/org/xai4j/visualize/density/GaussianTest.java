package org.xai4j.visualize.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;

class GaussianTest {
  private static final Shape THREE = Shape.of(3);
  private static final double[] MEAN = {0.5, -1, 2};
  private static final double[] COVARIANCE = {2, 0.3, -0.4, 0.3, 1, 0.2, -0.4, 0.2, 0.5};

  @Test
  void logDensityIsTheClosedFormWithDeterminantAndInverse() {
    Gaussian g = Gaussian.of(THREE, MEAN, COVARIANCE);
    double[] x = {1, 0, 1.5, -2, 3, 0.1};
    DMatrixRMaj cov = DMatrixRMaj.wrap(3, 3, COVARIANCE.clone());
    DMatrixRMaj inv = new DMatrixRMaj(3, 3);
    CommonOps_DDRM.invert(cov, inv);
    double det = CommonOps_DDRM.det(DMatrixRMaj.wrap(3, 3, COVARIANCE.clone()));
    double[] gradient = new double[6];
    double[] lp = g.logDensity(x, 2, gradient, Arithmetic.FLOAT64);
    for (int s = 0; s < 2; s++) {
      double q = 0;
      for (int i = 0; i < 3; i++) {
        double gi = 0;
        for (int j = 0; j < 3; j++) {
          q += (x[s * 3 + i] - MEAN[i]) * inv.get(i, j) * (x[s * 3 + j] - MEAN[j]);
          gi -= inv.get(i, j) * (x[s * 3 + j] - MEAN[j]);
        }
        assertEquals(gi, gradient[s * 3 + i], 1e-12);
      }
      assertEquals(-0.5 * (3 * Math.log(2 * Math.PI) + Math.log(det) + q), lp[s], 1e-12);
    }
    assertEquals(Math.log(det), g.logDeterminant(), 1e-12);
    assertArrayEquals(COVARIANCE, g.covariance(), 1e-14);
  }

  @Test
  void gradientPassesAFiniteDifferenceCheckOnDigits() {
    Shape shape = Digits.pooledShape(4);
    double[] x = Digits.pooled(300, 4);
    Gaussian g = LedoitWolf.fit(shape, x, 300, Arithmetic.FLOAT64).gaussian();
    double worst = DensityChecks.check(g, java.util.Arrays.copyOf(x, 3 * 49), 3, 1e-4, 1e-7);
    assertTrue(worst < 1e-7, "worst relative error " + worst);
  }

  @Test
  void float32ProductsAgreeWithFloat64OnFullSizeDigits() {
    double[] x = Rows.of(Digits.train(1000));
    Shape shape = Shape.of(1, 28, 28);
    Gaussian g = LedoitWolf.fit(shape, x, 1000, Arithmetic.FLOAT32).gaussian();
    DensityChecks.float32AgreesWithFloat64(g, Rows.of(Digits.test(8)), 8, 1e-5, 1e-5);
  }

  @Test
  void rejectsACovarianceThatIsNotPositiveDefinite() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gaussian.of(Shape.of(2), new double[2], new double[] {1, 2, 2, 1}));
    assertEquals("the 2 x 2 covariance is not positive definite (Cholesky decomposition failed); raise the "
        + "shrinkage or the covariance floor", e.getMessage());
  }

  @Test
  void rejectsAFactorThatIsNotLowerTriangular() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Gaussian.ofCholesky(Shape.of(2), new double[2], new double[] {1, 0.5, 0, 1}));
    assertEquals("the Cholesky factor must be lower triangular, got L[0][1] = 0.5", e.getMessage());
  }

  @Test
  void rejectsABatchOfTheWrongSampleShape() {
    Gaussian g = Gaussian.of(THREE, MEAN, COVARIANCE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> g.logDensity(org.xai4j.tensor.Tensor.zeros(Shape.of(2, 4))));
    assertEquals("a batch of samples of shape [3] (3 values each) is expected for gaussian (full covariance, 3-d), "
        + "got shape [2, 4]", e.getMessage());
  }
}
