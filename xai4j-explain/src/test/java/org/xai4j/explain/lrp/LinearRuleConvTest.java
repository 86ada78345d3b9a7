package org.xai4j.explain.lrp;

import static org.xai4j.explain.lrp.MatrixFormulas.EPS;
import static org.xai4j.explain.lrp.RuleHarness.assertMatches;
import static org.xai4j.explain.lrp.RuleHarness.sample;

import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.xai4j.op.Conv;
import org.xai4j.op.ConvTranspose;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Every LRP rule on small convolutions (strided and padded, and a transposed convolution) against
 * the explicit formula on the convolution's matrix, built here from the convolution's definition.
 * Inputs, weights and biases are multiples of 1/8, so every (modified) output z is exact in float32
 * and the comparison does not depend on how close to 0 a random z happens to fall.
 */
class LinearRuleConvTest {
  private static final int N = 2;
  private static final int C = 2;
  private static final int M = 3;
  private static final int K = 3;
  private static final int SIZE = 5;
  private static final int STRIDE = 2;
  private static final int PAD = 1;

  private static final float GRID = 8f;

  private final Random random = new Random(17);
  private final Tensor x = quantized(Shape.of(N, C, SIZE, SIZE), 1f);

  /** Normal values with standard deviation {@code std}, rounded to multiples of {@code 1 / GRID}. */
  private Tensor quantized(Shape shape, float std) {
    return Tensor.randomNormal(shape, std, random).map(v -> Math.round(v * GRID) / GRID);
  }

  /** One layer, its matrix, and relevance at its output. */
  private record Layer(Op op, MatrixFormulas f, Tensor r) {}

  private Layer conv() {
    Tensor w = quantized(Shape.of(M, C, K, K), 0.5f);
    Tensor b = quantized(Shape.of(M), 0.3f);
    Conv op = new Conv(w, b, List.of(STRIDE, STRIDE), List.of(PAD, PAD, PAD, PAD), null, 1);
    int out = (SIZE + 2 * PAD - K) / STRIDE + 1;
    double[][] a = new double[M * out * out][C * SIZE * SIZE];
    boolean[][] connected = new boolean[a.length][a[0].length];
    for (int m = 0; m < M; m++) {
      for (int oh = 0; oh < out; oh++) {
        for (int ow = 0; ow < out; ow++) {
          int j = (m * out + oh) * out + ow;
          for (int c = 0; c < C; c++) {
            for (int kh = 0; kh < K; kh++) {
              for (int kw = 0; kw < K; kw++) {
                int ih = oh * STRIDE - PAD + kh;
                int iw = ow * STRIDE - PAD + kw;
                if (ih >= 0 && ih < SIZE && iw >= 0 && iw < SIZE) {
                  int i = (c * SIZE + ih) * SIZE + iw;
                  a[j][i] = w.get(m, c, kh, kw);
                  connected[j][i] = true;
                }
              }
            }
          }
        }
      }
    }
    return layer(op, a, connected, b, out);
  }

  private Layer convTranspose() {
    Tensor w = quantized(Shape.of(C, M, K, K), 0.5f);
    Tensor b = quantized(Shape.of(M), 0.3f);
    ConvTranspose op = new ConvTranspose(w, b, List.of(STRIDE, STRIDE), List.of(PAD, PAD, PAD, PAD), null, null, 1);
    int out = (SIZE - 1) * STRIDE - 2 * PAD + K;
    double[][] a = new double[M * out * out][C * SIZE * SIZE];
    boolean[][] connected = new boolean[a.length][a[0].length];
    for (int c = 0; c < C; c++) {
      for (int ih = 0; ih < SIZE; ih++) {
        for (int iw = 0; iw < SIZE; iw++) {
          int i = (c * SIZE + ih) * SIZE + iw;
          for (int m = 0; m < M; m++) {
            for (int kh = 0; kh < K; kh++) {
              for (int kw = 0; kw < K; kw++) {
                int oh = ih * STRIDE - PAD + kh;
                int ow = iw * STRIDE - PAD + kw;
                if (oh >= 0 && oh < out && ow >= 0 && ow < out) {
                  int j = (m * out + oh) * out + ow;
                  a[j][i] += w.get(c, m, kh, kw);
                  connected[j][i] = true;
                }
              }
            }
          }
        }
      }
    }
    return layer(op, a, connected, b, out);
  }

  private Layer layer(Op op, double[][] a, boolean[][] connected, Tensor b, int out) {
    double[] bias = new double[a.length];
    for (int j = 0; j < a.length; j++) {
      bias[j] = b.getFlat(j / (out * out));
    }
    Tensor r = Tensor.randomNormal(Shape.of(N, M, out, out), 1f, random);
    return new Layer(op, new MatrixFormulas(a, connected, bias), r);
  }

  private void check(Layer layer, LinearRule rule, IntFunction<double[]> expected) {
    assertMatches(layer.op().type() + " " + rule, expected, RuleHarness.run(layer.op(), rule, x, layer.r()));
  }

  private void checkAllRules(Layer l) {
    check(l, LinearRule.epsilon(), n -> l.f().epsilon(sample(x, n), sample(l.r(), n), EPS));
    check(l, LinearRule.epsilon(0.25), n -> l.f().epsilon(sample(x, n), sample(l.r(), n), 0.25));
    check(l, LinearRule.zPlus(), n -> l.f().alphaBeta(sample(x, n), sample(l.r(), n), 1, 0));
    check(l, LinearRule.alphaBeta(2, 1), n -> l.f().alphaBeta(sample(x, n), sample(l.r(), n), 2, 1));
    check(l, LinearRule.gamma(), n -> l.f().gamma(sample(x, n), sample(l.r(), n), LinearRule.DEFAULT_GAMMA));
    check(l, LinearRule.wSquare(), n -> l.f().wSquare(sample(l.r(), n)));
    check(l, LinearRule.flat(), n -> l.f().flat(sample(l.r(), n)));
    double[] low = perElement(-3, -2);
    double[] high = perElement(2, 3);
    check(l, LinearRule.zBox(BoxBound.perChannel(-3f, -2f), BoxBound.perChannel(2f, 3f)),
        n -> l.f().zBox(sample(x, n), sample(l.r(), n), low, high));
  }

  /** A per-channel value expanded to every input element. */
  private static double[] perElement(double channel0, double channel1) {
    double[] v = new double[C * SIZE * SIZE];
    for (int i = 0; i < v.length; i++) {
      v[i] = i < SIZE * SIZE ? channel0 : channel1;
    }
    return v;
  }

  @Test
  void everyRuleMatchesItsFormulaOnAStridedPaddedConvolution() {
    checkAllRules(conv());
  }

  @Test
  void everyRuleMatchesItsFormulaOnATransposedConvolution() {
    checkAllRules(convTranspose());
  }
}
