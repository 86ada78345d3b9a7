package org.xai4j.explain.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuadratureTest {
  private static final double TIGHT = 1e-14;

  @Test
  void riemannPointsMatchCaptum() {
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, Quadrature.RIEMANN_LEFT.points(4).alphas(), TIGHT);
    assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1}, Quadrature.RIEMANN_RIGHT.points(4).alphas(), TIGHT);
    assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, Quadrature.RIEMANN_MIDDLE.points(4).alphas(), TIGHT);
    assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, Quadrature.RIEMANN_MIDDLE.points(4).weights(), TIGHT);
  }

  @Test
  void trapezoidKeepsCaptumsOneOverNWeights() {
    // Captum n=50: alphas linspace(0, 1, 50), step sizes 0.01, 0.02 x 48, 0.01 (as in the reference JSON)
    Quadrature.Points p = Quadrature.RIEMANN_TRAPEZOID.points(50);
    assertEquals(1.0 / 49, p.alphas()[1], TIGHT);
    assertEquals(1.0, p.alphas()[49], TIGHT);
    assertEquals(0.01, p.weights()[0], TIGHT);
    assertEquals(0.02, p.weights()[25], TIGHT);
    assertEquals(0.01, p.weights()[49], TIGHT);
    assertThrows(IllegalArgumentException.class, () -> Quadrature.RIEMANN_TRAPEZOID.points(1));
  }

  @Test
  void gaussLegendreThreePoints() {
    // nodes 0, +-sqrt(3/5) with weights 8/9, 5/9 on [-1, 1], mapped to [0, 1]
    double r = Math.sqrt(0.6);
    Quadrature.Points p = Quadrature.GAUSS_LEGENDRE.points(3);
    assertArrayEquals(new double[] {0.5 * (1 - r), 0.5, 0.5 * (1 + r)}, p.alphas(), TIGHT);
    assertArrayEquals(new double[] {5.0 / 18, 8.0 / 18, 5.0 / 18}, p.weights(), TIGHT);
  }

  @Test
  void gaussLegendreIntegratesPolynomialsExactly() {
    // n points integrate degree 2n-1 exactly: int_0^1 a^9 = 0.1 with n = 5; weights sum to 1 for n = 50
    Quadrature.Points p = Quadrature.GAUSS_LEGENDRE.points(5);
    double s = 0;
    for (int i = 0; i < p.count(); i++) {
      s += p.weights()[i] * Math.pow(p.alphas()[i], 9);
    }
    assertEquals(0.1, s, TIGHT);
    double w = 0;
    for (double v : Quadrature.GAUSS_LEGENDRE.points(50).weights()) {
      w += v;
    }
    assertEquals(1.0, w, 1e-13);
  }
}
