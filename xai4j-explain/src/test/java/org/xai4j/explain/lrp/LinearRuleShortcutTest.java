package org.xai4j.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.NodeRules;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.op.Conv;
import org.xai4j.op.Gemm;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * The shortcuts of {@link PreparedLinearRule} (denominator derived from the recorded output,
 * stacked transposed convolutions, skipped {@code x-} terms) against the same rule with every term
 * evaluated on its own, on random float weights and inputs with and without negative values.
 */
class LinearRuleShortcutTest {
  /** Relative tolerance (to the largest relevance) between the two float32 evaluation orders. */
  private static final double TOLERANCE = 1e-5;
  private static final int N = 2;
  private static final int C = 3;
  private static final int M = 4;
  private static final int SIZE = 6;
  private static final int FEATURES = 7;

  private final Random random = new Random(23);

  /** A 3x3 convolution, padding 1, {@code C * group} input channels in {@code group} groups. */
  private Conv conv(int group) {
    return new Conv(Tensor.randomNormal(Shape.of(M, C, 3, 3), 0.5f, random),
        Tensor.randomNormal(Shape.of(M), 0.3f, random), List.of(1, 1), List.of(1, 1, 1, 1), null, group);
  }

  private Tensor image(boolean nonNegative) {
    Tensor x = Tensor.randomNormal(Shape.of(N, C, SIZE, SIZE), 1f, random);
    return nonNegative ? x.map(v -> v > 0f ? v : 0f) : x;
  }

  @Test
  void alphaBetaOnConvolutionDerivesTheNegativeDenominatorAndStacks() {
    Conv op = conv(1);
    for (boolean nonNegative : new boolean[] {true, false}) {
      Comparison c = compare(op, LinearRule.alphaBeta(2, 1), image(nonNegative));
      assertTrue(c.fast().derivesLastGroup(), "alpha-beta sums to the layer");
      // x+ carries (w+, w-) and x- carries (w-, w+): both stacked
      assertEquals(2, c.fast().stackedShares());
      c.assertClose("alpha-beta conv, non-negative input " + nonNegative);
    }
  }

  @Test
  void zPlusAndGammaStackButDoNotDerive() {
    Conv op = conv(1);
    for (boolean nonNegative : new boolean[] {true, false}) {
      Comparison plus = compare(op, LinearRule.zPlus(), image(nonNegative));
      assertFalse(plus.fast().derivesLastGroup());
      assertEquals(0, plus.fast().stackedShares(), "z+ has one term per input modifier");
      plus.assertClose("z+ conv, non-negative input " + nonNegative);
      Comparison gamma = compare(op, LinearRule.gamma(), image(nonNegative));
      assertFalse(gamma.fast().derivesLastGroup());
      assertEquals(2, gamma.fast().stackedShares());
      gamma.assertClose("gamma conv, non-negative input " + nonNegative);
    }
  }

  @Test
  void groupedConvolutionDerivesButDoesNotStack() {
    Conv grouped = conv(2);
    Tensor x = Tensor.randomNormal(Shape.of(N, 2 * C, SIZE, SIZE), 1f, random);
    Comparison c = compare(grouped, LinearRule.alphaBeta(2, 1), x);
    assertTrue(c.fast().derivesLastGroup());
    assertEquals(0, c.fast().stackedShares());
    c.assertClose("alpha-beta, grouped convolution");
  }

  @Test
  void keptBiasIsNotDerived() {
    Comparison c = compare(conv(1), LinearRule.alphaBeta(2, 1).withBias(BiasPolicy.KEEP), image(false));
    assertFalse(c.fast().derivesLastGroup());
    assertEquals(2, c.fast().stackedShares());
    c.assertClose("alpha-beta with kept bias");
  }

  @Test
  void alphaBetaOnDenseLayerDerives() {
    Gemm op = new Gemm(Tensor.randomNormal(Shape.of(M, FEATURES), 0.5f, random),
        Tensor.randomNormal(Shape.of(M), 0.3f, random), false, true, 1f, 1f);
    for (boolean nonNegative : new boolean[] {true, false}) {
      Tensor x = Tensor.randomNormal(Shape.of(N, FEATURES), 1f, random);
      Comparison c = compare(op, LinearRule.alphaBeta(3, 2), nonNegative ? x.map(v -> Math.max(v, 0f)) : x);
      assertTrue(c.fast().derivesLastGroup());
      assertEquals(0, c.fast().stackedShares(), "only convolutions stack");
      c.assertClose("alpha-beta dense, non-negative input " + nonNegative);
    }
  }

  @Test
  void nonNegativeMeansPlusZeroOrPositiveWithoutNaN() {
    for (int size : new int[] {5, 3 * ElementRanges.MIN_PARALLEL + 1}) {
      float[] values = new float[size];
      for (int i = 0; i < size; i++) {
        values[i] = i % 2 == 0 ? 0f : i;
      }
      values[size - 1] = Float.POSITIVE_INFINITY;
      assertTrue(PreparedLinearRule.isNonNegative(Tensor.of(Shape.of(size), values)), "size " + size);
      for (float bad : new float[] {-0f, Float.NaN, -Float.MIN_VALUE, Float.NEGATIVE_INFINITY, -1f,
          Float.intBitsToFloat(0xffc00000)}) {
        float[] copy = values.clone();
        copy[size / 2] = bad;
        assertFalse(PreparedLinearRule.isNonNegative(Tensor.of(Shape.of(size), copy)), "size " + size + " with " + bad);
      }
    }
  }

  @Test
  void signSplitRecognizesRulesThatSumToTheLayer() {
    assertTrue(SignSplit.sumsToLayer(LinearRule.alphaBeta(2, 1).groups()));
    assertTrue(SignSplit.sumsToLayer(LinearRule.epsilon().groups()));
    assertFalse(SignSplit.sumsToLayer(LinearRule.zPlus().groups()));
    assertFalse(SignSplit.sumsToLayer(LinearRule.gamma().groups()));
    assertFalse(SignSplit.sumsToLayer(LinearRule.zBox(-1f, 1f).groups()));
    assertFalse(SignSplit.sumsToLayer(LinearRule.flat().groups()));
    assertFalse(SignSplit.sumsToLayer(LinearRule.wSquare().groups()));
    // the four sign cells, but the bias counted twice
    List<TermGroup> twiceBias = List.of(new TermGroup(1, OutputSelection.ALL, List.of(
        Term.plus(InputModifier.Elementwise.IDENTITY, ParamModifier.Elementwise.POSITIVE, BiasPolicy.MODIFY),
        Term.plus(InputModifier.Elementwise.IDENTITY, ParamModifier.Elementwise.NEGATIVE, BiasPolicy.MODIFY),
        Term.plus(InputModifier.Elementwise.ONES, ParamModifier.Elementwise.ONES, BiasPolicy.ZERO))));
    assertFalse(SignSplit.sumsToLayer(twiceBias));
    assertTrue(SignSplit.sumsToLayer(twiceBias.get(0).terms().subList(0, 2).stream()
        .map(TermGroup::of).toList()));
    // every term keeps the whole bias (Zennit's merged bias): alpha-beta counts it twice
    assertFalse(SignSplit.sumsToLayer(LinearRule.alphaBeta(2, 1).withBias(BiasPolicy.KEEP).groups()));
    assertTrue(SignSplit.sumsToLayer(List.of(
        TermGroup.of(Term.plus(InputModifier.Elementwise.POSITIVE, ParamModifier.Elementwise.IDENTITY, BiasPolicy.KEEP)),
        TermGroup.of(Term.plus(InputModifier.Elementwise.NEGATIVE, ParamModifier.Elementwise.IDENTITY, BiasPolicy.ZERO)))));
  }

  /** The relevance of both evaluations and the fast rule, for inspection. */
  private record Comparison(PreparedLinearRule fast, Tensor expected, Tensor actual) {
    void assertClose(String what) {
      double max = expected.maxAbs();
      assertTrue(max > 0, what + ": relevance is all zero");
      assertEquals(0, expected.maxAbsDifference(actual), TOLERANCE * max, what);
    }
  }

  private Comparison compare(Op op, LinearRule rule, Tensor x) {
    int[] dims = x.shape().toArray();
    dims[0] = -1;
    var b = Graph.builder();
    b.input("x", dims);
    b.add("layer", op, "x");
    Graph g = b.output("layer").build();
    Trace trace = g.forward(x);
    Tensor r = Tensor.randomNormal(trace.get("layer").shape(), 1f, random);
    PreparedLinearRule fast = new PreparedLinearRule(rule, g.node("layer"), PreparedLinearRule.Shortcuts.ON);
    PreparedLinearRule reference = new PreparedLinearRule(rule, g.node("layer"), PreparedLinearRule.Shortcuts.OFF);
    assertFalse(reference.derivesLastGroup());
    assertEquals(0, reference.stackedShares());
    return new Comparison(fast, run(trace, r, reference), run(trace, r, fast));
  }

  private static Tensor run(Trace trace, Tensor r, PreparedLinearRule rule) {
    return Backprop.run(trace, Map.of("layer", r), NodeRules.byName(Map.of("layer", rule)), false).atInput();
  }
}
