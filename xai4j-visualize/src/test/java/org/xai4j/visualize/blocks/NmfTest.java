package org.xai4j.visualize.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NmfTest {
  private static double[][] randomMatrix(int m, int n, Random r) {
    double[][] a = new double[m][n];
    for (double[] row : a) {
      for (int j = 0; j < n; j++) {
        row[j] = r.nextDouble() * (r.nextBoolean() ? 1 : 0.1);
      }
    }
    return a;
  }

  @Test
  void theReconstructionErrorNeverIncreasesAndTheFactorsStayNonNegative() {
    double[][] a = randomMatrix(30, 20, new Random(1));
    Nmf.Result r = new Nmf(4, 300, 7).factorize(a);
    double[] e = r.errors();
    assertEquals(301, e.length);
    for (int i = 1; i < e.length; i++) {
      assertTrue(e[i] <= e[i - 1] * (1 + 1e-12), "step " + i + ": " + e[i - 1] + " -> " + e[i]);
    }
    assertTrue(e[e.length - 1] < 0.8 * e[0], e[0] + " -> " + e[e.length - 1]);
    for (double[] row : r.w()) {
      for (double v : row) {
        assertTrue(v >= 0);
      }
    }
    for (double[] row : r.h()) {
      double norm = 0;
      for (double v : row) {
        assertTrue(v >= 0);
        norm += v * v;
      }
      assertEquals(1, Math.sqrt(norm), 1e-9);
    }
    // the normalization moves scale between the factors without changing the product
    assertEquals(r.error(), Nmf.error(a, r.w(), r.h()), 1e-9 * (1 + r.error()));
  }

  @Test
  void aPlantedFactorizationIsRecovered() {
    // 3 groups over 24 channels with disjoint supports (separable), random non-negative strengths at 40 positions
    Random rand = new Random(4);
    int k = 3;
    double[][] w0 = new double[40][k];
    double[][] h0 = new double[k][24];
    for (double[] row : w0) {
      for (int g = 0; g < k; g++) {
        row[g] = rand.nextDouble() < 0.5 ? rand.nextDouble() * 2 : 0;
      }
    }
    for (int c = 0; c < 24; c++) {
      h0[c % k][c] = 0.5 + rand.nextDouble();
    }
    double[][] a = Nmf.multiply(w0, h0);
    Nmf.Result r = new Nmf(k, 3000, 11).factorize(a);
    double norm = 0;
    for (double[] row : a) {
      for (double v : row) {
        norm += v * v;
      }
    }
    assertTrue(r.error() / Math.sqrt(norm) < 1e-3, "relative error " + r.error() / Math.sqrt(norm));
    for (int g = 0; g < k; g++) {
      double best = 0;
      for (int f = 0; f < k; f++) {
        best = Math.max(best, cosine(h0[g], r.h()[f]));
      }
      assertTrue(best > 0.999, "planted direction " + g + " recovered with cosine " + best);
    }
  }

  @Test
  void badMatricesAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Nmf(2, 10, 0).factorize(new double[][] {{1, -0.5}, {0, 1}}));
    assertTrue(e.getMessage().contains("non-negative") && e.getMessage().contains("-0.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Nmf(3, 10, 0).factorize(new double[][] {{1, 2}, {3, 4}}));
    assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Nmf(1, 10, 0).factorize(new double[][] {{Double.NaN}}));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }

  private static double cosine(double[] a, double[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }
}
