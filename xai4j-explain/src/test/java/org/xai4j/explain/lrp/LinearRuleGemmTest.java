package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.NodeRules;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.op.Gemm;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Every LRP rule on one dense layer against its explicit matrix formula, written out here in double
 * precision (the way Zennit's own rule tests check rules).
 */
class LinearRuleGemmTest {
  private static final int IN = 4;
  private static final int OUT = 3;
  private static final double EPS = Stabilizer.DEFAULT_EPSILON;
  private static final double TOLERANCE = 1e-5;

  // W is [OUT, IN] (PyTorch Linear); output 2 of sample 0 is exactly 0 (0.5 - 0.5, no bias).
  private static final double[][] W = {
      {0.8, -0.6, 0.3, -0.2},
      {-0.4, 0.9, -0.7, 0.5},
      {0.5, -0.5, 0.0, 0.0}};
  private static final double[] B = {0.1, -0.3, 0.0};
  private static final double[][] X = {
      {1.0, 1.0, -0.5, 2.0},
      {-1.5, 0.7, 0.4, -0.3}};
  private static final double[][] R = {
      {0.7, -0.2, 1.1},
      {-0.4, 1.3, 0.6}};

  @Test
  void epsilonMatchesFormula() {
    check(LinearRule.epsilon(), (n, i) -> {
      double s = 0;
      for (int j = 0; j < OUT; j++) {
        s += X[n][i] * W[j][i] * R[n][j] / stab(z(n, j), EPS);
      }
      return s;
    });
  }

  @Test
  void epsilonWithLargeEpsilonAbsorbsRelevance() {
    double eps = 0.5;
    check(LinearRule.epsilon(eps), (n, i) -> {
      double s = 0;
      for (int j = 0; j < OUT; j++) {
        s += X[n][i] * W[j][i] * R[n][j] / stab(z(n, j), eps);
      }
      return s;
    });
  }

  @Test
  void zeroRuleDividesByZAndDropsZeroOutputs() {
    check(LinearRule.zero(), (n, i) -> {
      double s = 0;
      for (int j = 0; j < OUT; j++) {
        s += z(n, j) == 0 ? 0 : X[n][i] * W[j][i] * R[n][j] / z(n, j);
      }
      return s;
    });
  }

  @Test
  void zPlusMatchesFormula() {
    check(LinearRule.zPlus(), (n, i) -> {
      double s = 0;
      for (int j = 0; j < OUT; j++) {
        double zp = B[j] > 0 ? B[j] : 0;
        for (int k = 0; k < IN; k++) {
          zp += pos(X[n][k]) * pos(W[j][k]) + neg(X[n][k]) * neg(W[j][k]);
        }
        s += (pos(X[n][i]) * pos(W[j][i]) + neg(X[n][i]) * neg(W[j][i])) * R[n][j] / stab(zp, EPS);
      }
      return s;
    });
  }

  @Test
  void alphaBetaMatchesFormula() {
    for (double[] ab : new double[][] {{2, 1}, {1, 0}, {3, 2}}) {
      double alpha = ab[0];
      double beta = ab[1];
      check(LinearRule.alphaBeta(alpha, beta), (n, i) -> {
        double s = 0;
        for (int j = 0; j < OUT; j++) {
          double zp = pos(B[j]);
          double zn = neg(B[j]);
          for (int k = 0; k < IN; k++) {
            zp += pos(X[n][k]) * pos(W[j][k]) + neg(X[n][k]) * neg(W[j][k]);
            zn += pos(X[n][k]) * neg(W[j][k]) + neg(X[n][k]) * pos(W[j][k]);
          }
          double cp = pos(X[n][i]) * pos(W[j][i]) + neg(X[n][i]) * neg(W[j][i]);
          double cn = pos(X[n][i]) * neg(W[j][i]) + neg(X[n][i]) * pos(W[j][i]);
          s += alpha * cp * R[n][j] / stab(zp, EPS) - beta * cn * R[n][j] / stab(zn, EPS);
        }
        return s;
      });
    }
  }

  @Test
  void alphaOneBetaZeroIsZPlus() {
    Tensor x = tensor(X);
    assertEquals(0f, run(LinearRule.alphaBeta(1, 0), x).maxAbsDifference(run(LinearRule.zPlus(), x)), 1e-7f);
  }

  @Test
  void gammaMatchesZennitsGeneralizedFormula() {
    double g = 0.25;
    check(LinearRule.gamma(g), (n, i) -> {
      double s = 0;
      for (int j = 0; j < OUT; j++) {
        double zj = z(n, j);
        if (zj == 0) {
          continue; // outputs exactly 0 pass no relevance
        }
        // the favoured sign: z > 0 favours x+ w+ and x- w-, z < 0 favours x+ w- and x- w+
        boolean up = zj > 0;
        double denom = B[j] + g * (up ? pos(B[j]) : neg(B[j]));
        for (int k = 0; k < IN; k++) {
          denom += contribution(X[n][k], W[j][k], g, up);
        }
        s += contribution(X[n][i], W[j][i], g, up) * R[n][j] / stab(denom, EPS);
      }
      return s;
    });
  }

  /** {@code x+ (w + g w^s) + x- (w + g w^-s)} with s the favoured sign. */
  private static double contribution(double x, double w, double g, boolean up) {
    double wPos = w + g * pos(w);
    double wNeg = w + g * neg(w);
    return up ? pos(x) * wPos + neg(x) * wNeg : pos(x) * wNeg + neg(x) * wPos;
  }

  @Test
  void gammaZeroIsEpsilonWhereOutputsAreNonZero() {
    Tensor x = tensor(new double[][] {X[1]});
    Tensor rg = run(LinearRule.gamma(0), x);
    Tensor re = run(LinearRule.epsilon(), x);
    assertTrue(rg.maxAbsDifference(re) < 1e-6f, rg + " vs " + re);
  }

  @Test
  void wSquareMatchesFormulaIncludingSquaredBias() {
    check(LinearRule.wSquare(), (n, i) -> {
      double s = 0;
      for (int j = 0; j < OUT; j++) {
        double denom = B[j] * B[j];
        for (int k = 0; k < IN; k++) {
          denom += W[j][k] * W[j][k];
        }
        s += W[j][i] * W[j][i] * R[n][j] / stab(denom, EPS);
      }
      return s;
    });
  }

  @Test
  void flatSplitsEvenly() {
    check(LinearRule.flat(), (n, i) -> {
      double s = 0;
      for (int j = 0; j < OUT; j++) {
        s += R[n][j] / stab(IN, EPS);
      }
      return s;
    });
  }

  @Test
  void zBoxMatchesFormulaWithScalarBounds() {
    double low = -2;
    double high = 3;
    check(LinearRule.zBox(-2f, 3f), (n, i) -> zBox(n, i, k -> low, k -> high));
  }

  @Test
  void zBoxMatchesFormulaWithPerFeatureBounds() {
    double[] low = {-2, -1, -3, -0.5};
    double[] high = {2, 1.5, 1, 2.5};
    LinearRule rule = LinearRule.zBox(BoxBound.perChannel(-2f, -1f, -3f, -0.5f), BoxBound.perChannel(2f, 1.5f, 1f, 2.5f));
    check(rule, (n, i) -> zBox(n, i, k -> low[k], k -> high[k]));
  }

  private static double zBox(int n, int i, java.util.function.IntToDoubleFunction low,
      java.util.function.IntToDoubleFunction high) {
    double s = 0;
    for (int j = 0; j < OUT; j++) {
      double denom = 0;
      for (int k = 0; k < IN; k++) {
        denom += X[n][k] * W[j][k] - low.applyAsDouble(k) * pos(W[j][k]) - high.applyAsDouble(k) * neg(W[j][k]);
      }
      double c = X[n][i] * W[j][i] - low.applyAsDouble(i) * pos(W[j][i]) - high.applyAsDouble(i) * neg(W[j][i]);
      s += c * R[n][j] / stab(denom, EPS);
    }
    return s;
  }

  @Test
  void rulesValidateTheirArguments() {
    assertThrows(IllegalArgumentException.class, () -> LinearRule.alphaBeta(1.5, 1));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.alphaBeta(0.5, -0.5));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.epsilon(-1e-3));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.gamma(-0.1));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.zBox(1f, -1f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinearRule.epsilon().bind(new org.xai4j.graph.Node("act", new org.xai4j.op.Relu(), java.util.List.of("x"))));
    assertTrue(e.getMessage().contains("'act' (Relu)"), e.getMessage());
  }

  @Test
  void rulesPrintAndCompareByValue() {
    assertEquals(LinearRule.alphaBeta(2, 1), LinearRule.alphaBeta(2, 1));
    assertEquals(LinearRule.zBox(-1f, 1f), LinearRule.zBox(BoxBound.scalar(-1f), BoxBound.scalar(1f)));
    assertEquals("AlphaBeta(2.0, 1.0)", LinearRule.alphaBeta(2, 1).toString());
    assertEquals("Epsilon(1.0E-6)", LinearRule.epsilon().toString());
    assertTrue(LinearRule.zPlus().groups().get(0).toString().contains("NEGATIVE x NEGATIVE, no bias"),
        LinearRule.zPlus().groups().toString());
  }

  @Test
  void stabilizerUsesSignPlusOneAtZero() {
    Stabilizer s = new Stabilizer(0.5);
    assertEquals(0.5f, s.apply(0f));
    assertEquals(0.5f, s.apply(-0f));
    assertEquals(-1.5f, s.apply(-1f));
    assertEquals(0f, new Stabilizer(0).divide(3f, 0f));
  }

  // ---- helpers ----

  private interface Expected {
    double at(int n, int i);
  }

  private static void check(LinearRule rule, Expected expected) {
    Tensor rel = run(rule, tensor(X));
    double max = 0;
    for (int n = 0; n < X.length; n++) {
      for (int i = 0; i < IN; i++) {
        max = Math.max(max, Math.abs(expected.at(n, i)));
      }
    }
    for (int n = 0; n < X.length; n++) {
      for (int i = 0; i < IN; i++) {
        assertEquals(expected.at(n, i), rel.get(n, i), TOLERANCE * max,
            rule + ": relevance of sample " + n + ", input " + i);
      }
    }
  }

  private static Tensor run(LinearRule rule, Tensor x) {
    Graph g = layer();
    Trace trace = g.forward(x);
    Tensor seed = tensor(R).slice0(0, x.shape().dim(0));
    NodeRules rules = NodeRules.byName(Map.of("fc", rule.bind(g.node("fc"))));
    return Backprop.run(trace, Map.of("fc", seed), rules, false).atInput();
  }

  private static Graph layer() {
    var b = Graph.builder();
    b.input("x", -1, IN);
    b.add("fc", Gemm.linear(tensor(W), Tensor.of(Shape.of(OUT), B)), "x");
    return b.output("fc").build();
  }

  private static double z(int n, int j) {
    double s = B[j];
    for (int k = 0; k < IN; k++) {
      s += X[n][k] * W[j][k];
    }
    return s;
  }

  static double stab(double z, double eps) {
    return z >= 0 ? z + eps : z - eps;
  }

  static double pos(double v) {
    return Math.max(v, 0);
  }

  static double neg(double v) {
    return Math.min(v, 0);
  }

  static Tensor tensor(double[][] rows) {
    double[] flat = new double[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * rows[0].length, rows[0].length);
    }
    return Tensor.of(Shape.of(rows.length, rows[0].length), flat);
  }
}
