package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.xai4j.op.OpAssertions.assertOpError;
import static org.xai4j.op.OpTestData.divisors;

import java.util.ArrayList;
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

class BinaryOpTest {
  /** Shape pairs covering equal shapes, broadcasting of either side, of both sides, and scalars. */
  private static final Shape[][] SHAPE_PAIRS = {
    {Shape.of(2, 3), Shape.of(2, 3)},
    {Shape.of(2, 3, 4), Shape.of(4)},
    {Shape.of(4), Shape.of(2, 3, 4)},
    {Shape.of(2, 1, 4), Shape.of(3, 1)},
    {Shape.of(3, 1), Shape.of(2, 1, 4)},
    {Shape.scalar(), Shape.of(2, 3)},
    {Shape.of(2, 3), Shape.of(1)},
  };

  static Stream<Arguments> opsAndShapes() {
    List<Arguments> cases = new ArrayList<>();
    for (BroadcastingBinaryOp op : List.of(new Add(), new Sub(), new Mul(), new Div())) {
      for (Shape[] pair : SHAPE_PAIRS) {
        cases.add(Arguments.of(op, pair[0], pair[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("opsAndShapes")
  void gradientsMatchFiniteDifferencesInEveryBroadcastDirection(Op op, Shape a, Shape b) {
    Random r = new Random(21);
    GradientCheck.standard().check(op, Tensor.randomNormal(a, 1f, r), divisors(b, r));
  }

  @Test
  void forwardValuesBroadcastARowAgainstAColumn() {
    Tensor col = Tensor.of(Shape.of(2, 1), 1f, 2f);
    Tensor row = Tensor.of(Shape.of(1, 3), 4f, 5f, 8f);
    List<Tensor> in = List.of(col, row);
    assertEquals(Shape.of(2, 3), new Sub().forward(in).shape());
    assertArrayEquals(new float[] {5, 6, 9, 6, 7, 10}, new Add().forward(in).toArray());
    assertArrayEquals(new float[] {-3, -4, -7, -2, -3, -6}, new Sub().forward(in).toArray());
    assertArrayEquals(new float[] {4, 5, 8, 8, 10, 16}, new Mul().forward(in).toArray());
    assertArrayEquals(new float[] {0.25f, 0.2f, 0.125f, 0.5f, 0.4f, 0.25f},
        new Div().forward(in).toArray());
  }

  @Test
  void broadcastGradientsAreSummedBackToTheOperandShape() {
    Tensor a = Tensor.of(Shape.of(2, 2), 1f, 2f, 3f, 4f);
    Tensor b = Tensor.vector(10f);
    Mul mul = new Mul();
    Tensor y = mul.forward(List.of(a, b));
    Gradients g = mul.backward(BackwardContext.all(List.of(a, b), y, false), Tensor.full(a.shape(), 1f));
    assertArrayEquals(new float[] {10f, 10f, 10f, 10f}, g.input(0).toArray());
    assertArrayEquals(new float[] {10f}, g.input(1).toArray());
    Div div = new Div();
    Tensor q = div.forward(List.of(a, b));
    Gradients gd = div.backward(
        new BackwardContext(List.of(a, b), q, List.of(false, true), false), Tensor.full(a.shape(), 1f));
    assertNull(gd.input(0));
    // d/db sum(a / b) = -sum(a) / b^2
    assertEquals(-10f / 100f, gd.input(1).item(), 1e-7f);
  }

  @Test
  void incompatibleShapesNameTheOpAndBothShapes() {
    assertOpError("Mul", () -> new Mul().forward(List.of(Tensor.zeros(Shape.of(2, 3)), Tensor.zeros(Shape.of(4)))),
        "[2, 3]", "[4]");
  }
}
