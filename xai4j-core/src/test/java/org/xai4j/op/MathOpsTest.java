package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

/** Values and finite-difference gradients of the math, reduction and shape ops used by ONNX import. */
class MathOpsTest {
  private static final float EPS = 1e-6f;

  private static Tensor positive(Shape s, Random r) {
    return Tensor.randomUniform(s, 0.5f, 2f, r);
  }

  private static Tensor awayFromZero(Shape s, Random r) {
    return Tensor.randomNormal(s, 1f, r).map(x -> x >= 0 ? x + 0.1f : x - 0.1f);
  }

  private static float[] run(Op op, Tensor... in) {
    return op.forward(List.of(in)).toArray();
  }

  @Test
  void unaryValues() {
    Tensor x = Tensor.vector(4f, 0.25f, 1f);
    assertArrayEquals(new float[] {2f, 0.5f, 1f}, run(new Sqrt(), x), EPS);
    assertArrayEquals(new float[] {(float) Math.log(4), (float) Math.log(0.25), 0f}, run(new Log(), x), EPS);
    assertArrayEquals(new float[] {(float) Math.exp(4), (float) Math.exp(0.25), (float) Math.E}, run(new Exp(), x), 1e-4f);
    Tensor z = Tensor.vector(-2f, 0f, 3f);
    assertArrayEquals(new float[] {2f, -0f, -3f}, run(new Neg(), z), EPS);
    assertArrayEquals(new float[] {2f, 0f, 3f}, run(new Abs(), z), EPS);
    assertArrayEquals(new float[] {-1f, 0f, 1f}, run(new Sign(), z), EPS);
  }

  @Test
  void unaryGradients() {
    Random r = new Random(3);
    Shape s = Shape.of(2, 5);
    GradientCheck.standard().check(new Sqrt(), positive(s, r));
    GradientCheck.standard().check(new Log(), positive(s, r));
    GradientCheck.standard().check(new Exp(), Tensor.randomNormal(s, 1f, r));
    GradientCheck.standard().check(new Neg(), Tensor.randomNormal(s, 1f, r));
    GradientCheck.standard().check(new Abs(), awayFromZero(s, r));
    GradientCheck.standard().check(new Sign(), awayFromZero(s, r));
  }

  @Test
  void powValuesAndGradients() {
    assertArrayEquals(new float[] {4f, 9f, 0.5f}, run(new Pow(), Tensor.vector(2f, 3f, 0.25f),
        Tensor.vector(2f, 2f, 0.5f)), EPS);
    Random r = new Random(4);
    GradientCheck.standard().check(new Pow(), positive(Shape.of(2, 3), r), Tensor.randomUniform(Shape.of(3), 0.5f, 3f, r));
    GradientCheck.standard().check(new Pow(), positive(Shape.of(2, 3), r), Tensor.scalar(2f));
  }

  @Test
  void reductionValues() {
    Tensor x = Tensor.of(Shape.of(2, 3), 1f, 5f, 3f, -4f, 2f, 6f);
    Reduce sum = new Reduce(Reduction.SUM, List.of(1), false);
    assertEquals(Shape.of(2), sum.outputShape(List.of(x.shape())));
    assertArrayEquals(new float[] {9f, 4f}, run(sum, x), EPS);
    Reduce meanKeep = new Reduce(Reduction.MEAN, List.of(0), true);
    assertEquals(Shape.of(1, 3), meanKeep.outputShape(List.of(x.shape())));
    assertArrayEquals(new float[] {-1.5f, 3.5f, 4.5f}, run(meanKeep, x), EPS);
    assertArrayEquals(new float[] {5f, 6f}, run(new Reduce(Reduction.MAX, List.of(-1), false), x), EPS);
    Reduce all = new Reduce(Reduction.MAX, List.of(), true);
    assertEquals(Shape.of(1, 1), all.outputShape(List.of(x.shape())));
    assertArrayEquals(new float[] {6f}, run(all, x), EPS);
  }

  @Test
  void reductionGradients() {
    Random r = new Random(5);
    Tensor x = Tensor.randomNormal(Shape.of(2, 3, 4), 1f, r);
    for (Reduction red : Reduction.values()) {
      GradientCheck.standard().check(new Reduce(red, List.of(1, -1), false), x);
      GradientCheck.standard().check(new Reduce(red, List.of(0), true), x);
      GradientCheck.standard().check(new Reduce(red, List.of(), false), x);
    }
  }

  @Test
  void variadicValues() {
    Tensor a = Tensor.of(Shape.of(2, 2), 1f, 5f, 3f, -4f);
    Tensor b = Tensor.vector(2f, 0f);
    Tensor c = Tensor.scalar(4f);
    assertArrayEquals(new float[] {4f, 5f, 4f, 4f}, run(new Variadic(Combination.MAX), a, b, c), EPS);
    assertArrayEquals(new float[] {1f, 0f, 2f, -4f}, run(new Variadic(Combination.MIN), a, b, c), EPS);
    assertArrayEquals(new float[] {7f, 9f, 9f, 0f}, run(new Variadic(Combination.SUM), a, b, c), EPS);
    assertArrayEquals(new float[] {7f / 3, 3f, 3f, 0f}, run(new Variadic(Combination.MEAN), a, b, c), EPS);
    assertArrayEquals(a.toArray(), run(new Variadic(Combination.MAX), a), EPS);
  }

  @Test
  void variadicGradients() {
    Random r = new Random(6);
    for (Combination comb : Combination.values()) {
      GradientCheck.standard().check(new Variadic(comb), Tensor.randomNormal(Shape.of(2, 3), 1f, r),
          Tensor.randomNormal(Shape.of(3), 1f, r), Tensor.randomNormal(Shape.of(2, 1), 1f, r));
    }
  }

  @Test
  void squeezeAndUnsqueeze() {
    Tensor x = Tensor.randomNormal(Shape.of(2, 1, 3, 1), 1f, new Random(7));
    assertEquals(Shape.of(2, 3), new Squeeze(List.of()).outputShape(List.of(x.shape())));
    assertEquals(Shape.of(2, 3, 1), new Squeeze(List.of(1)).outputShape(List.of(x.shape())));
    assertThrows(IllegalArgumentException.class, () -> new Squeeze(List.of(0)).outputShape(List.of(x.shape())));
    assertEquals(Shape.of(1, 2, 3, 1), new Unsqueeze(List.of(0, -1)).outputShape(List.of(Shape.of(2, 3))));
    assertEquals(Shape.of(2, 1, 3), new Unsqueeze(List.of(1)).outputShape(List.of(Shape.of(2, 3))));
    GradientCheck.standard().check(new Squeeze(List.of(1, 3)), x);
    GradientCheck.standard().check(new Unsqueeze(List.of(2)), x);
  }

  @Test
  void resizeNearestAsymmetricReplicates() {
    Tensor x = Tensor.of(Shape.of(1, 1, 2, 2), 1f, 2f, 3f, 4f);
    Resize up = new Resize(Resize.Mode.NEAREST, Resize.CoordinateTransform.ASYMMETRIC,
        Resize.NearestRounding.FLOOR, 2f, 3f, 0, 0);
    assertArrayEquals(new float[] {1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 3, 3, 3, 4, 4, 4},
        run(up, x), EPS);
  }

  @Test
  void resizeBilinearHalfPixelMatchesPyTorch() {
    // torch.nn.functional.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
    Tensor x = Tensor.of(Shape.of(1, 1, 2, 2), 1f, 2f, 3f, 4f);
    Resize up = new Resize(Resize.Mode.LINEAR, Resize.CoordinateTransform.HALF_PIXEL,
        Resize.NearestRounding.ROUND_PREFER_FLOOR, 2f, 2f, 0, 0);
    assertArrayEquals(new float[] {1f, 1.25f, 1.75f, 2f, 1.5f, 1.75f, 2.25f, 2.5f,
        2.5f, 2.75f, 3.25f, 3.5f, 3f, 3.25f, 3.75f, 4f}, run(up, x), EPS);
  }

  @Test
  void resizeGradients() {
    Random r = new Random(8);
    Tensor x = Tensor.randomNormal(Shape.of(2, 2, 3, 4), 1f, r);
    for (Resize.Mode mode : Resize.Mode.values()) {
      for (Resize.CoordinateTransform t : Resize.CoordinateTransform.values()) {
        GradientCheck.standard().check(new Resize(mode, t, Resize.NearestRounding.ROUND_PREFER_FLOOR, 1.5f, 2f, 0, 0), x);
      }
    }
    GradientCheck.standard().check(new Resize(Resize.Mode.LINEAR, Resize.CoordinateTransform.ALIGN_CORNERS,
        Resize.NearestRounding.FLOOR, 0f, 0f, 2, 7), x);
  }

  @Test
  void sliceValuesClampingAndGradient() {
    Tensor x = Tensor.of(Shape.of(2, 5), 0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f);
    Slice cols = new Slice(List.of(1), List.of(Integer.MAX_VALUE), List.of(-1), List.of(2));
    assertEquals(Shape.of(2, 2), cols.outputShape(List.of(x.shape())));
    assertArrayEquals(new float[] {1f, 3f, 6f, 8f}, run(cols, x), EPS);
    Slice reversed = new Slice(List.of(-1, -1), List.of(-100, 2), List.of(0, 1), List.of(-1, -1));
    assertArrayEquals(new float[] {9f, 8f, 4f, 3f}, run(reversed, x), EPS);
    Slice empty = new Slice(List.of(3), List.of(1), List.of(1), List.of());
    assertEquals(Shape.of(2, 0), empty.outputShape(List.of(x.shape())));
    Random r = new Random(9);
    GradientCheck.standard().check(cols, Tensor.randomNormal(Shape.of(3, 5), 1f, r));
    GradientCheck.standard().check(reversed, Tensor.randomNormal(Shape.of(3, 5), 1f, r));
  }

  @Test
  void expandBroadcastsAndSumsBack() {
    Tensor x = Tensor.of(Shape.of(3, 1), 1f, 2f, 3f);
    Expand e = new Expand(List.of(2, 1, 2));
    assertEquals(Shape.of(2, 3, 2), e.outputShape(List.of(x.shape())));
    assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3}, run(e, x), EPS);
    assertThrows(IllegalArgumentException.class, () -> new Expand(List.of(2, 2)).outputShape(List.of(x.shape())));
    GradientCheck.standard().check(e, Tensor.randomNormal(Shape.of(3, 1), 1f, new Random(10)));
  }

  @Test
  void tileRepeatsAndSumsBack() {
    Tensor x = Tensor.of(Shape.of(2, 2), 1f, 2f, 3f, 4f);
    Tile t = new Tile(List.of(2, 3));
    assertEquals(Shape.of(4, 6), t.outputShape(List.of(x.shape())));
    assertArrayEquals(new float[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4, 1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4},
        run(t, x), EPS);
    GradientCheck.standard().check(t, Tensor.randomNormal(Shape.of(2, 3), 1f, new Random(11)));
  }

  @Test
  void shrinkValuesAndGradient() {
    Shrink soft = new Shrink(1f, 1f);
    assertArrayEquals(new float[] {-1f, 0f, 0f, 0f, 2f}, run(soft, Tensor.vector(-2f, -1f, 0.5f, 1f, 3f)), EPS);
    Shrink hard = new Shrink(Shrink.DEFAULT_LAMBD, Shrink.DEFAULT_BIAS);
    assertArrayEquals(new float[] {-2f, 0f, 0.75f}, run(hard, Tensor.vector(-2f, 0.25f, 0.75f)), EPS);
    Tensor x = Tensor.randomNormal(Shape.of(3, 4), 2f, new Random(12))
        .map(v -> Math.abs(Math.abs(v) - 1f) < 0.1f ? v * 1.5f : v);
    GradientCheck.standard().check(soft, x);
  }

  @Test
  void instanceNormalizationValuesAndGradients() {
    // one sample, two channels of [1, 2, 3, 4] and [2, 2, 2, 2]: mean 2.5, variance 1.25; constant -> 0
    Tensor x = Tensor.of(Shape.of(1, 2, 2, 2), 1f, 2f, 3f, 4f, 2f, 2f, 2f, 2f);
    InstanceNormalization in = new InstanceNormalization(Tensor.vector(2f, 1f), Tensor.vector(0.5f, -1f), 0f);
    float z = (float) (1 / Math.sqrt(1.25));
    assertArrayEquals(new float[] {2 * -1.5f * z + 0.5f, 2 * -0.5f * z + 0.5f, 2 * 0.5f * z + 0.5f,
        2 * 1.5f * z + 0.5f, -1f, -1f, -1f, -1f}, run(new InstanceNormalization(Tensor.vector(2f, 1f),
        Tensor.vector(0.5f, -1f), 1e-12f), x), 1e-5f);
    Random r = new Random(13);
    GradientCheck.standard().check(new InstanceNormalization(Tensor.randomUniform(Shape.of(3), 0.5f, 2f, r),
        Tensor.randomNormal(Shape.of(3), 1f, r), InstanceNormalization.DEFAULT_EPSILON),
        Tensor.randomNormal(Shape.of(2, 3, 2, 3), 1f, r));
    assertEquals(List.of("scale", "bias"), in.parameters().names());
  }
}
