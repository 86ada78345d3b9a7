package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xai4j.explain.lrp.MatrixFormulas.EPS;
import static org.xai4j.explain.lrp.RuleHarness.assertMatches;
import static org.xai4j.explain.lrp.RuleHarness.run;
import static org.xai4j.explain.lrp.RuleHarness.tensor;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.graph.Node;
import org.xai4j.op.Gemm;
import org.xai4j.op.Relu;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Every LRP rule on one dense layer against its explicit matrix formula ({@link MatrixFormulas},
 * double precision), the way Zennit's own rule tests check rules.
 */
class LinearRuleGemmTest {
  // W is [out, in] (PyTorch Linear); output 2 of sample 0 is exactly 0 (0.5 - 0.5, no bias).
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
  private static final MatrixFormulas F = MatrixFormulas.dense(W, B);

  private static Tensor relevance(LinearRule rule) {
    return run(Gemm.linear(tensor(W), Tensor.of(Shape.of(B.length), B)), rule, tensor(X), tensor(R));
  }

  private static void check(LinearRule rule, java.util.function.IntFunction<double[]> expected) {
    assertMatches(rule.toString(), expected, relevance(rule));
  }

  @Test
  void epsilonMatchesFormula() {
    check(LinearRule.epsilon(), n -> F.epsilon(X[n], R[n], EPS));
    check(LinearRule.epsilon(0.5), n -> F.epsilon(X[n], R[n], 0.5));
  }

  @Test
  void zeroRuleDividesByZAndDropsZeroOutputs() {
    assertEquals(0.0, F.z(X[0], 2));
    check(LinearRule.zero(), n -> F.epsilon(X[n], R[n], 0));
  }

  @Test
  void zPlusMatchesFormula() {
    check(LinearRule.zPlus(), n -> F.alphaBeta(X[n], R[n], 1, 0));
  }

  @Test
  void alphaBetaMatchesFormula() {
    check(LinearRule.alphaBeta(2, 1), n -> F.alphaBeta(X[n], R[n], 2, 1));
    check(LinearRule.alphaBeta(3, 2), n -> F.alphaBeta(X[n], R[n], 3, 2));
  }

  @Test
  void unmodifiedBiasEntersEveryTermWhole() {
    // z+ = x+a+ + b + x-a- + b and z- = x+a- + b + x-a+ + b: each of the two terms adds b
    check(LinearRule.zPlus().withBias(BiasPolicy.KEEP), n -> F.alphaBeta(X[n], R[n], 1, 0, b -> 2 * b, b -> 2 * b));
    check(LinearRule.alphaBeta(2, 1).withBias(BiasPolicy.KEEP),
        n -> F.alphaBeta(X[n], R[n], 2, 1, b -> 2 * b, b -> 2 * b));
    assertEquals("ZPlus[bias KEEP]", LinearRule.zPlus().withBias(BiasPolicy.KEEP).toString());
  }

  @Test
  void alphaOneBetaZeroIsZPlus() {
    assertEquals(0f, relevance(LinearRule.alphaBeta(1, 0)).maxAbsDifference(relevance(LinearRule.zPlus())), 1e-7f);
  }

  @Test
  void gammaMatchesZennitsGeneralizedFormula() {
    check(LinearRule.gamma(), n -> F.gamma(X[n], R[n], LinearRule.DEFAULT_GAMMA));
    check(LinearRule.gamma(1.5), n -> F.gamma(X[n], R[n], 1.5));
  }

  @Test
  void gammaZeroIsEpsilonWhereNoOutputIsZero() {
    Tensor rg = relevance(LinearRule.gamma(0)).slice0(1, 2);
    Tensor re = relevance(LinearRule.epsilon()).slice0(1, 2);
    assertTrue(rg.maxAbsDifference(re) < 1e-6f, rg + " vs " + re);
  }

  @Test
  void wSquareMatchesFormulaIncludingSquaredBias() {
    check(LinearRule.wSquare(), n -> F.wSquare(R[n]));
  }

  @Test
  void flatSplitsEvenly() {
    check(LinearRule.flat(), n -> F.flat(R[n]));
  }

  @Test
  void zBoxMatchesFormulaWithScalarAndPerFeatureBounds() {
    double[] low = {-2, -2, -2, -2};
    double[] high = {3, 3, 3, 3};
    check(LinearRule.zBox(-2f, 3f), n -> F.zBox(X[n], R[n], low, high));
    double[] lowF = {-2, -1, -3, -0.5};
    double[] highF = {2, 1.5, 1, 2.5};
    check(LinearRule.zBox(BoxBound.perChannel(-2f, -1f, -3f, -0.5f), BoxBound.perChannel(2f, 1.5f, 1f, 2.5f)),
        n -> F.zBox(X[n], R[n], lowF, highF));
  }

  @Test
  void rulesValidateTheirArguments() {
    assertThrows(IllegalArgumentException.class, () -> LinearRule.alphaBeta(1.5, 1));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.alphaBeta(0.5, -0.5));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.epsilon(-1e-3));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.gamma(-0.1));
    assertThrows(IllegalArgumentException.class, () -> LinearRule.zBox(1f, -1f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinearRule.epsilon().bind(new Node("act", new Relu(), List.of("x"))));
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
}
