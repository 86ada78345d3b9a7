package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.xai4j.op.OpAssertions.assertOpError;
import static org.xai4j.op.OpTestData.arange;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.testing.GradientCheck;

class MatMulTest {
  private static Shape parse(String dims) {
    return dims.isEmpty() ? Shape.scalar()
        : Shape.of(Arrays.stream(dims.split("x")).mapToInt(Integer::parseInt).toArray());
  }

  @Test
  void matrixTimesMatrix() {
    Tensor y = new MatMul().forward(List.of(arange(2, 3), arange(3, 4)));
    assertEquals(Shape.of(2, 4), y.shape());
    assertArrayEquals(new float[] {20, 23, 26, 29, 56, 68, 80, 92}, y.toArray());
  }

  @Test
  void vectorsArePromotedAndThePromotedAxisRemoved() {
    MatMul mm = new MatMul();
    Tensor dot = mm.forward(List.of(Tensor.vector(1, 2, 3), Tensor.vector(4, 5, 6)));
    assertEquals(Shape.scalar(), dot.shape());
    assertEquals(32f, dot.item());
    Tensor mv = mm.forward(List.of(arange(2, 3), Tensor.vector(1, -1, 2)));
    assertEquals(Shape.of(2), mv.shape());
    assertArrayEquals(new float[] {3, 9}, mv.toArray());
    Tensor vm = mm.forward(List.of(Tensor.vector(1, -1), arange(2, 3)));
    assertArrayEquals(new float[] {-3, -3, -3}, vm.toArray());
    assertEquals(Shape.of(5, 2), mm.outputShape(List.of(Shape.of(5, 2, 3), Shape.of(3))));
  }

  @Test
  void batchEntriesAreIndependentProductsAndBroadcast() {
    // A [2, 1, 2, 2] against B [3, 2, 2]: output batch [2, 3]
    Tensor a = arange(2, 1, 2, 2);
    Tensor b = Tensor.of(Shape.of(3, 2, 2), 1, 0, 0, 1, 0, 1, 1, 0, 2, 0, 0, 2);
    Tensor y = new MatMul().forward(List.of(a, b));
    assertEquals(Shape.of(2, 3, 2, 2), y.shape());
    // A[1] = [[4, 5], [6, 7]]; B[1] swaps columns
    assertArrayEquals(new float[] {5, 4, 7, 6},
        Arrays.copyOfRange(y.toArray(), 4 * 4, 4 * 5));
    // A[0] * 2I
    assertArrayEquals(new float[] {0, 2, 4, 6}, Arrays.copyOfRange(y.toArray(), 8, 12));
  }

  @ParameterizedTest(name = "{0} x {1}")
  @CsvSource({
    "3x4, 4x5", "2x3x4, 4x5", "4, 4x5", "3x4, 4", "4, 4", "2x3x4, 4", "5, 2x5x3",
    "2x1x3x4, 5x4x2", "1x3x4, 2x4x5", "2x3x4, 2x4x5", "4x5, 3x5x2"})
  void gradientsMatchFiniteDifferences(String a, String b) {
    Random r = new Random(31);
    GradientCheck.standard().check(new MatMul(),
        Tensor.randomNormal(parse(a), 1f, r), Tensor.randomNormal(parse(b), 1f, r));
  }

  @Test
  void innerDimensionMismatchNamesBothShapes() {
    assertOpError("MatMul",
        () -> new MatMul().forward(List.of(Tensor.zeros(Shape.of(2, 3)), Tensor.zeros(Shape.of(4, 5)))),
        "[2, 3]", "[4, 5]");
  }

  @Test
  void batchMismatchNamesBothShapes() {
    assertOpError("MatMul", () -> new MatMul().outputShape(List.of(Shape.of(2, 3, 4), Shape.of(3, 4, 5))),
        "[2, 3, 4]", "[3, 4, 5]");
    assertThrows(IllegalArgumentException.class,
        () -> new MatMul().outputShape(List.of(Shape.scalar(), Shape.of(3))));
  }
}
