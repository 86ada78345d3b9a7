package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xai4j.op.OpAssertions.assertOpError;
import static org.xai4j.op.OpTestData.arange;
import static org.xai4j.op.OpTestData.awayFrom;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class ActivationTest {
  private static final float CLIP_MIN = -0.5f;
  private static final float CLIP_MAX = 0.7f;

  private static Tensor apply(Op op, float... x) {
    return op.forward(List.of(Tensor.vector(x)));
  }

  static Stream<Arguments> unaryOps() {
    return Stream.of(
        Arguments.of(new Relu(), new float[] {0f}),
        Arguments.of(new LeakyRelu(), new float[] {0f}),
        Arguments.of(new LeakyRelu(0.2f), new float[] {0f}),
        Arguments.of(new Elu(), new float[] {0f}),
        Arguments.of(new Elu(0.5f), new float[] {0f}),
        Arguments.of(new Selu(), new float[] {0f}),
        Arguments.of(new Sigmoid(), new float[0]),
        Arguments.of(new Tanh(), new float[0]),
        Arguments.of(new Softplus(), new float[0]),
        Arguments.of(new Clip(CLIP_MIN, CLIP_MAX), new float[] {CLIP_MIN, CLIP_MAX}),
        Arguments.of(new Identity(), new float[0]),
        Arguments.of(new Dropout(), new float[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unaryOps")
  void unaryGradientsMatchFiniteDifferences(UnaryElementwiseOp op, float[] kinks) {
    GradientCheck.standard().check(op, awayFrom(Shape.of(2, 3, 5), new Random(11), kinks));
  }

  @Test
  void reluPassesTheGradientExactlyWhereTheInputIsPositive() {
    float[] x = {3f, -2f, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0xFFC00000)};
    float[] g = {1.5f, 2f, 3f, 4f, -5f, 6f, -7f, 8f, 9f, 10f, 11f};
    Tensor in = Tensor.of(Shape.of(x.length), x);
    Tensor out = new Relu().forward(List.of(in));
    Tensor gx = new Relu().backward(new BackwardContext(List.of(in), out, List.of(true), false),
        Tensor.of(Shape.of(g.length), g)).input(0);
    // g where x > 0 (positive finite, denormal and +inf); +0 for zeros of either sign, negatives and NaN
    assertArrayEquals(new float[] {1.5f, 0f, 0f, 0f, -5f, 0f, -7f, 8f, 0f, 0f, 0f}, gx.toArray(), 0f);
    for (float v : gx.toArray()) {
      assertTrue(v != 0f || Float.floatToRawIntBits(v) == 0, "zeros are +0");
    }
  }

  @Test
  void leakyReluScalesNegativeInputsByAlpha() {
    assertArrayEquals(new float[] {-0.02f, 0f, 3f}, apply(new LeakyRelu(), -2f, 0f, 3f).toArray(), 1e-7f);
    assertEquals(LeakyRelu.DEFAULT_ALPHA, new LeakyRelu().alpha());
  }

  @Test
  void eluAndSeluMatchTheirFormulas() {
    // 0.5 * (exp(-2) - 1)
    assertArrayEquals(new float[] {-0.43233236f, 2f}, apply(new Elu(0.5f), -2f, 2f).toArray(), 1e-6f);
    // gamma, gamma * alpha * (exp(-1) - 1), 2.5 * gamma with the ONNX constants
    assertArrayEquals(new float[] {1.0507010f, -1.1113307f, 2.6267526f},
        apply(new Selu(), 1f, -1f, 2.5f).toArray(), 1e-6f);
    assertEquals(1.6732632f, Selu.DEFAULT_ALPHA, 1e-7f);
    assertEquals(1.0507010f, Selu.DEFAULT_GAMMA, 1e-7f);
  }

  @Test
  void smoothActivationsMatchReferenceValues() {
    assertArrayEquals(new float[] {0.11920292f, 0.5f, 0.95257413f},
        apply(new Sigmoid(), -2f, 0f, 3f).toArray(), 1e-7f);
    assertArrayEquals(new float[] {0f, 1f}, apply(new Sigmoid(), -200f, 200f).toArray());
    assertArrayEquals(new float[] {-0.7615942f, 0f}, apply(new Tanh(), -1f, 0f).toArray(), 1e-7f);
    // ln(1 + exp(x)) at -20, 0, 1, 30: no overflow, small values kept
    assertArrayEquals(new float[] {2.0611536e-9f, 0.6931472f, 1.3132616f, 30f},
        apply(new Softplus(), -20f, 0f, 1f, 30f).toArray(), 1e-6f);
    assertEquals(2.0611536e-9f, apply(new Softplus(), -20f).item(), 1e-15f);
  }

  @Test
  void clipClampsAndPassesGradientOnTheBoundsOnly() {
    Clip clip = new Clip(CLIP_MIN, CLIP_MAX);
    Tensor x = Tensor.vector(-1f, CLIP_MIN, 0f, CLIP_MAX, 1f);
    Tensor y = clip.forward(List.of(x));
    assertArrayEquals(new float[] {CLIP_MIN, CLIP_MIN, 0f, CLIP_MAX, CLIP_MAX}, y.toArray());
    Gradients g = clip.backward(BackwardContext.all(List.of(x), y, false), Tensor.full(x.shape(), 2f));
    assertArrayEquals(new float[] {0f, 2f, 2f, 2f, 0f}, g.input(0).toArray());
  }

  @Test
  void clipWithMinAboveMaxGivesMaxEverywhereAndNoGradient() {
    Clip clip = new Clip(1f, -1f);
    Tensor x = Tensor.vector(-2f, 0f, 2f);
    Tensor y = clip.forward(List.of(x));
    assertArrayEquals(new float[] {-1f, -1f, -1f}, y.toArray());
    Gradients g = clip.backward(BackwardContext.all(List.of(x), y, false), Tensor.full(x.shape(), 1f));
    assertArrayEquals(new float[] {0f, 0f, 0f}, g.input(0).toArray());
  }

  @Test
  void dropoutAndIdentityPassValuesThrough() {
    Tensor x = arange(2, 3);
    assertArrayEquals(x.toArray(), new Dropout(0.3f).forward(List.of(x)).toArray());
    assertArrayEquals(x.toArray(), new Identity().forward(List.of(x)).toArray());
    assertThrows(IllegalArgumentException.class, () -> new Dropout(1f));
  }

  @Test
  void preluGradientsForInputAndPerChannelSlope() {
    Random r = new Random(12);
    PRelu op = new PRelu(Tensor.of(Shape.of(3, 1, 1), 0.1f, -0.3f, 0.25f));
    GradientCheck.standard().check(op, awayFrom(Shape.of(2, 3, 2, 2), r, 0f));
  }

  @Test
  void preluGradientsForScalarAndTrailingSlopes() {
    Random r = new Random(13);
    GradientCheck.standard().check(new PRelu(Tensor.vector(0.2f)), awayFrom(Shape.of(4, 3), r, 0f));
    GradientCheck.standard().check(new PRelu(Tensor.vector(0.2f, -0.1f, 0.5f)),
        awayFrom(Shape.of(2, 2, 3), r, 0f));
  }

  @Test
  void preluForwardAndSlopeGradientByHand() {
    PRelu op = new PRelu(Tensor.of(Shape.of(2, 1), 0.5f, 2f));
    Tensor x = Tensor.of(Shape.of(2, 2), -2f, 3f, -1f, -4f);
    Tensor y = op.forward(List.of(x));
    assertArrayEquals(new float[] {-1f, 3f, -2f, -8f}, y.toArray());
    Gradients g = op.backward(BackwardContext.all(List.of(x), y, true), Tensor.full(x.shape(), 1f));
    // d/dslope = sum of the negative inputs per row
    assertArrayEquals(new float[] {-2f, -5f}, g.parameters().get("slope").toArray());
    assertArrayEquals(new float[] {0.5f, 1f, 2f, 2f}, g.input(0).toArray());
  }

  @Test
  void preluRejectsSlopesThatWouldBroadcastTheInput() {
    PRelu op = new PRelu(Tensor.zeros(Shape.of(2, 3)));
    assertOpError("PRelu", () -> op.forward(List.of(Tensor.zeros(Shape.of(3)))), "[2, 3]", "[3]");
  }

  @Test
  void softmaxAndLogSoftmaxOfOneTwoThree() {
    assertArrayEquals(new float[] {0.09003057f, 0.24472847f, 0.66524096f},
        new Softmax().forward(List.of(Tensor.vector(1f, 2f, 3f))).toArray(), 1e-7f);
    assertArrayEquals(new float[] {-2.407606f, -1.407606f, -0.40760596f},
        new LogSoftmax().forward(List.of(Tensor.vector(1f, 2f, 3f))).toArray(), 1e-6f);
    // large inputs do not overflow
    assertArrayEquals(new float[] {0.5f, 0.5f},
        new Softmax().forward(List.of(Tensor.vector(1000f, 1000f))).toArray());
  }

  @Test
  void softmaxAlongAMiddleAxis() {
    // along axis 1 of arange [2, 3, 2] every fibre is (v, v + 2, v + 4)
    float a = 0.01587624f;
    float b = 0.11731043f;
    float c = 0.86681333f;
    float[] expected = {a, a, b, b, c, c, a, a, b, b, c, c};
    assertArrayEquals(expected, Softmax.of(1).forward(List.of(arange(2, 3, 2))).toArray(), 1e-7f);
    assertArrayEquals(expected, Softmax.of(-2).forward(List.of(arange(2, 3, 2))).toArray(), 1e-7f);
  }

  @Test
  void legacySoftmaxNormalizesTheCoercedRows() {
    // pre-opset-13 axis 1 on [2, 3, 2]: each row of 6 consecutive values is one distribution
    float[] row = {0.00426978f, 0.01160646f, 0.03154963f, 0.08576079f, 0.23312201f, 0.63369132f};
    float[] expected = new float[12];
    System.arraycopy(row, 0, expected, 0, 6);
    System.arraycopy(row, 0, expected, 6, 6);
    Tensor y = Softmax.coerced2d(Softmax.LEGACY_DEFAULT_AXIS).forward(List.of(arange(2, 3, 2)));
    assertArrayEquals(expected, y.toArray(), 1e-7f);
    Tensor logY = LogSoftmax.coerced2d(1).forward(List.of(arange(2, 3, 2)));
    assertEquals(Math.log(row[5]), logY.getFlat(11), 1e-6);
  }

  static Stream<Op> softmaxes() {
    return Stream.of(Softmax.of(1), Softmax.of(-1), Softmax.of(0), Softmax.coerced2d(1),
        Softmax.coerced2d(-1), LogSoftmax.of(1), LogSoftmax.of(-1), LogSoftmax.coerced2d(1),
        LogSoftmax.coerced2d(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("softmaxes")
  void softmaxGradientsMatchFiniteDifferences(Op op) {
    GradientCheck.standard().check(op, Tensor.randomNormal(Shape.of(2, 3, 4), 1f, new Random(14)));
  }

  @Test
  void softmaxAxisOutOfRangeNamesOpAndShape() {
    assertOpError("Softmax", () -> Softmax.of(3).forward(List.of(arange(2, 3, 2))), "[2, 3, 2]");
    assertOpError("LogSoftmax", () -> LogSoftmax.coerced2d(4).outputShape(List.of(Shape.of(2, 3, 2))));
  }

  @Test
  void unneededInputGradientIsNotComputed() {
    Tensor x = Tensor.vector(1f, 2f);
    Tensor y = new Softmax().forward(List.of(x));
    Gradients g = new Softmax().backward(
        new BackwardContext(List.of(x), y, List.of(false), false), Tensor.vector(1f, 0f));
    assertNull(g.input(0));
  }
}
