package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xai4j.op.OpAssertions.assertMessage;
import static org.xai4j.op.OpTestData.arange;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class ShapeOpTest {
  private static Tensor normal(Random r, int... dims) {
    return Tensor.randomNormal(Shape.of(dims), 1f, r);
  }

  // ---- Concat

  @Test
  void concatJoinsAlongTheLastAxis() {
    Tensor a = arange(2, 1);
    Tensor b = arange(2, 2).add(10f);
    Tensor y = new Concat(-1).forward(List.of(a, b));
    assertEquals(Shape.of(2, 3), y.shape());
    assertArrayEquals(new float[] {0, 10, 11, 1, 12, 13}, y.toArray());
  }

  @Test
  void concatJoinsAlongAMiddleAxis() {
    Tensor y = new Concat(1).forward(List.of(arange(2, 1, 2), arange(2, 2, 2).add(10f)));
    assertEquals(Shape.of(2, 3, 2), y.shape());
    assertArrayEquals(new float[] {0, 1, 10, 11, 12, 13, 2, 3, 14, 15, 16, 17}, y.toArray());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, -1, -3})
  void concatGradientsForThreeInputs(int axis) {
    Random r = new Random(41);
    int[] a = {2, 3, 2};
    int[] b = a.clone();
    int[] c = a.clone();
    int ax = axis < 0 ? axis + 3 : axis;
    b[ax] = 1;
    c[ax] = 3;
    GradientCheck.standard().check(new Concat(axis), normal(r, a), normal(r, b), normal(r, c));
  }

  @Test
  void concatComputesOnlyRequestedGradients() {
    List<Tensor> in = List.of(arange(1, 2), arange(2, 2));
    Concat op = new Concat(0);
    Tensor y = op.forward(in);
    Gradients g = op.backward(new BackwardContext(in, y, List.of(false, true), false), arange(3, 2));
    assertNull(g.input(0));
    assertArrayEquals(new float[] {2, 3, 4, 5}, g.input(1).toArray());
  }

  @Test
  void concatExtentsDifferingOffTheAxisNameOpAndShapes() {
    assertMessage(() -> new Concat(0).forward(List.of(arange(2, 3), arange(2, 4))),
        "Concat:", "[2, 3]", "[2, 4]", "axis 1", "axis 0");
    assertMessage(() -> new Concat(0).outputShape(List.of(Shape.of(2, 3), Shape.of(2, 3, 1))),
        "Concat:", "[2, 3, 1]");
    assertMessage(() -> new Concat(2).outputShape(List.of(Shape.of(2, 3))), "Concat:", "axis 2");
    assertMessage(() -> new Concat(0).outputShape(List.of()), "Concat:");
  }

  // ---- Flatten and Reshape

  @Test
  void flattenFollowsOnnxAxisSemantics() {
    Shape in = Shape.of(2, 3, 4);
    assertEquals(Shape.of(2, 12), new Flatten().outputShape(List.of(in)));
    assertEquals(Shape.of(1, 24), new Flatten(0).outputShape(List.of(in)));
    assertEquals(Shape.of(24, 1), new Flatten(3).outputShape(List.of(in)));
    assertEquals(Shape.of(6, 4), new Flatten(-1).outputShape(List.of(in)));
    assertEquals(Shape.of(1, 24), new Flatten(-3).outputShape(List.of(in)));
    assertMessage(() -> new Flatten(4).outputShape(List.of(in)), "Flatten:", "[2, 3, 4]");
    assertArrayEquals(arange(2, 3, 4).toArray(), new Flatten().forward(List.of(arange(2, 3, 4))).toArray());
  }

  @Test
  void reshapeCopiesZerosAndInfersMinusOne() {
    Shape in = Shape.of(2, 3, 4);
    assertEquals(Shape.of(2, 12), Reshape.of(0, -1).outputShape(List.of(in)));
    assertEquals(Shape.of(4, 3, 2), Reshape.of(4, 0, -1).outputShape(List.of(in)));
    assertEquals(Shape.of(0, 5), new Reshape(List.of(0, 5), true).outputShape(List.of(Shape.of(0, 5))));
    Tensor y = Reshape.of(3, -1).forward(List.of(arange(2, 3)));
    assertEquals(Shape.of(3, 2), y.shape());
    assertArrayEquals(arange(6).toArray(), y.toArray());
  }

  @Test
  void reshapeElementCountMismatchNamesOpAndShapes() {
    assertMessage(() -> Reshape.of(5, 5).forward(List.of(arange(2, 3, 4))),
        "Reshape:", "[2, 3, 4]", "[5, 5]");
    assertMessage(() -> Reshape.of(-1, -1).outputShape(List.of(Shape.of(4))), "Reshape:");
  }

  @Test
  void flattenAndReshapeGradientsAreReshapedBack() {
    Random r = new Random(42);
    GradientCheck.standard().check(new Flatten(2), normal(r, 2, 3, 2));
    GradientCheck.standard().check(Reshape.of(0, -1, 2), normal(r, 2, 3, 2));
  }

  // ---- Transpose

  @Test
  void transposeWithAPermutation() {
    Tensor y = Transpose.of(1, 2, 0).forward(List.of(arange(2, 3, 4)));
    assertEquals(Shape.of(3, 4, 2), y.shape());
    assertArrayEquals(new float[] {0, 12, 1, 13, 2, 14, 3, 15, 4, 16, 5, 17, 6, 18, 7, 19, 8, 20,
        9, 21, 10, 22, 11, 23}, y.toArray());
  }

  @Test
  void transposeDefaultsToReversedAxes() {
    Tensor y = new Transpose().forward(List.of(arange(2, 3, 4)));
    assertEquals(Shape.of(4, 3, 2), y.shape());
    assertArrayEquals(new float[] {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22,
        3, 15, 7, 19, 11, 23}, y.toArray());
  }

  @Test
  void transposeGradients() {
    Random r = new Random(43);
    GradientCheck.standard().check(Transpose.of(2, 0, 3, 1), normal(r, 2, 3, 2, 4));
    GradientCheck.standard().check(new Transpose(), normal(r, 3, 4));
  }

  @Test
  void transposeRejectsInvalidPermutations() {
    assertMessage(() -> Transpose.of(0, 0).outputShape(List.of(Shape.of(2, 3))),
        "Transpose:", "[0, 0]", "[2, 3]");
    assertMessage(() -> Transpose.of(1, 0).outputShape(List.of(Shape.of(2, 3, 4))),
        "Transpose:", "[2, 3, 4]");
  }

  // ---- Pad

  @Test
  void reflectPadMirrorsWithoutRepeatingTheBorder() {
    // pads: axis 0 begin 1, axis 1 begin 2, axis 0 end 0, axis 1 end 1
    Pad pad = new Pad(Pad.Mode.REFLECT, List.of(1, 2, 0, 1), 0f);
    Tensor y = pad.forward(List.of(arange(2, 3)));
    assertEquals(Shape.of(3, 6), y.shape());
    assertArrayEquals(new float[] {5, 4, 3, 4, 5, 4, 2, 1, 0, 1, 2, 1, 5, 4, 3, 4, 5, 4}, y.toArray());
  }

  @Test
  void reflectPadLongerThanTheAxisRepeatsTheReflectionAsNumPy() {
    // numpy.pad([1, 2, 3], 5, 'reflect')
    Tensor y = new Pad(Pad.Mode.REFLECT, List.of(5, 5), 0f).forward(List.of(Tensor.vector(1, 2, 3)));
    assertArrayEquals(new float[] {2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2}, y.toArray());
  }

  @Test
  void edgePadRepeatsTheBorder() {
    Pad pad = new Pad(Pad.Mode.EDGE, List.of(0, 2, 1, 1), 0f);
    Tensor y = pad.forward(List.of(arange(2, 3)));
    assertEquals(Shape.of(3, 6), y.shape());
    assertArrayEquals(new float[] {0, 0, 0, 1, 2, 2, 3, 3, 3, 4, 5, 5, 3, 3, 3, 4, 5, 5}, y.toArray());
  }

  @Test
  void constantPadWithNegativePadsCrops() {
    // axis 0: one row of 9 before; axis 1: first column cropped, one column of 9 after
    Pad pad = new Pad(Pad.Mode.CONSTANT, List.of(1, -1, 0, 1), 9f);
    Tensor y = pad.forward(List.of(arange(2, 3)));
    assertEquals(Shape.of(3, 3), y.shape());
    assertArrayEquals(new float[] {9, 9, 9, 1, 2, 9, 4, 5, 9}, y.toArray());
  }

  @Test
  void padGradientsInEveryModeWithCropping() {
    Random r = new Random(44);
    GradientCheck.standard().check(Pad.zeros(0, 1, 2, 1, 0, 2), normal(r, 2, 3, 3));
    GradientCheck.standard().check(new Pad(Pad.Mode.CONSTANT, List.of(-1, 2, 0, -2), 3f),
        normal(r, 3, 4));
    GradientCheck.standard().check(new Pad(Pad.Mode.REFLECT, List.of(0, 2, 1, 1, 3, -1), 0f),
        normal(r, 2, 3, 4));
    GradientCheck.standard().check(new Pad(Pad.Mode.EDGE, List.of(1, -1, 2, 3, 0, 1), 0f),
        normal(r, 2, 3, 4));
  }

  @Test
  void reflectGradientAccumulatesOntoMirroredElements() {
    Pad pad = new Pad(Pad.Mode.REFLECT, List.of(2, 1), 0f);
    Tensor x = Tensor.vector(1, 2, 3);
    Tensor y = pad.forward(List.of(x));
    assertArrayEquals(new float[] {3, 2, 1, 2, 3, 2}, y.toArray());
    Gradients g = pad.backward(BackwardContext.all(List.of(x), y, false), Tensor.full(y.shape(), 1f));
    assertArrayEquals(new float[] {1, 3, 2}, g.input(0).toArray());
  }

  @Test
  void padErrorsNameOpAndShapes() {
    assertMessage(() -> Pad.zeros(1, 1).outputShape(List.of(Shape.of(2, 3))),
        "Pad:", "[1, 1]", "[2, 3]");
    assertMessage(() -> Pad.zeros(0, -2, 0, -2).outputShape(List.of(Shape.of(2, 3))),
        "Pad:", "axis 1", "[2, 3]");
    assertMessage(() -> new Pad(Pad.Mode.EDGE, List.of(1, 0), 0f).outputShape(List.of(Shape.of(0))),
        "Pad:", "edge", "[0]");
    assertMessage(() -> Pad.Mode.fromOnnx("wrap"), "wrap", "reflect");
    assertEquals(Pad.Mode.REFLECT, Pad.Mode.fromOnnx("reflect"));
  }
}
