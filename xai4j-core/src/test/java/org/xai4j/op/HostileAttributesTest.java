package org.xai4j.op;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.xai4j.op.OpAssertions.assertMessage;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xai4j.limit.Limit;
import org.xai4j.limit.LimitExceededException;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/**
 * Attributes a hostile model can declare: output shapes are computed arithmetically and checked
 * against {@link Limit#TENSOR_ELEMENTS} before anything of that size is allocated, and no extent
 * arithmetic overflows.
 */
class HostileAttributesTest {
  @Test
  void hugePadIsRefusedByTheTensorLimitBeforeAnyIndexMapIsBuilt() {
    Pad pad = Pad.zeros(0, 0, 10_000, 10_000, 0, 0, 10_000, 10_000);
    LimitExceededException e = assertThrows(LimitExceededException.class,
        () -> pad.outputShape(List.of(Shape.of(1, 1, 1, 1))));
    assertEquals(Limit.TENSOR_ELEMENTS, e.limit());
    assertEquals(20_001L * 20_001L, e.amount());
    assertThrows(LimitExceededException.class, () -> pad.forward(List.of(Tensor.zeros(Shape.of(1, 1, 1, 1)))));
  }

  @Test
  void padShapesAreArithmeticEvenWhenTheOutputIsEmpty() {
    // An empty axis makes the output empty however long the other axis is: no per-axis table of
    // 2^31 - 1 entries is built.
    Pad pad = Pad.zeros(0, 0, 0, Integer.MAX_VALUE - 1);
    assertEquals(Shape.of(0, Integer.MAX_VALUE), pad.outputShape(List.of(Shape.of(0, 1))));
    assertEquals(Shape.of(0, Integer.MAX_VALUE), pad.forward(List.of(Tensor.zeros(Shape.of(0, 1)))).shape());
    assertMessage(() -> Pad.zeros(Integer.MAX_VALUE, Integer.MAX_VALUE).outputShape(List.of(Shape.of(4))),
        "Pad:", "axis 0", "extent 4294967298");
    assertMessage(() -> new Pad(Pad.Mode.REFLECT, List.of(0, Integer.MAX_VALUE), 0f)
        .outputShape(List.of(Shape.of(3))), "Pad:", "extent 2147483650");
  }

  @Test
  void reflectAndEdgeReadTheRightElementsFarOutside() {
    Tensor x = Tensor.vector(1, 2, 3);
    assertEquals(List.of(2f, 1f, 2f, 3f),
        asList(new Pad(Pad.Mode.REFLECT, List.of(1_000_001, -1_000_000), 0f).forward(List.of(x))));
    assertEquals(List.of(1f, 1f), asList(new Pad(Pad.Mode.EDGE, List.of(2, -3), 0f).forward(List.of(x))));
  }

  @Test
  void tileCountsDoNotOverflow() {
    Tile tile = new Tile(List.of(Integer.MAX_VALUE));
    assertMessage(() -> tile.outputShape(List.of(Shape.of(3))), "Tile:", "extent 6442450941");
    assertThrows(LimitExceededException.class,
        () -> new Tile(List.of(1 << 15, 1 << 15)).outputShape(List.of(Shape.of(1, 1))));
    assertEquals(Shape.of(0, Integer.MAX_VALUE),
        new Tile(List.of(5, Integer.MAX_VALUE)).forward(List.of(Tensor.zeros(Shape.of(0, 1)))).shape());
  }

  @Test
  void sliceWithExtremeStepsAndBoundsCountsExactly() {
    Slice s = new Slice(List.of(Integer.MAX_VALUE), List.of(Integer.MIN_VALUE), List.of(0), List.of(Integer.MIN_VALUE));
    assertEquals(Shape.of(1), s.outputShape(List.of(Shape.of(5))));
    assertEquals(List.of(5f), asList(s.forward(List.of(Tensor.vector(1, 2, 3, 4, 5)))));
    assertMessage(() -> new Slice(List.of(0), List.of(1), List.of(7), List.of()).outputShape(List.of(Shape.of(5))),
        "Slice:", "axis 7", "[5]");
  }

  @Test
  void expandToAHugeShapeIsRefusedByTheLimit() {
    assertThrows(LimitExceededException.class,
        () -> new Expand(List.of(1 << 20, 1 << 20)).outputShape(List.of(Shape.of(1))));
    assertMessage(() -> new Expand(List.of(-3)).outputShape(List.of(Shape.of(1))), "Expand:", "negative");
  }

  @Test
  void transposeChecksThePermutationBeforeMoving() {
    assertMessage(() -> Transpose.of(0, 0).outputShape(List.of(Shape.of(2, 3))), "Transpose:", "[0, 0]", "[2, 3]");
    assertEquals(Shape.of(3, 2), Transpose.of(1, 0).outputShape(List.of(Shape.of(2, 3))));
  }

  @Test
  void poolingPadsMustBeSmallerThanTheKernel() {
    assertMessage(() -> new MaxPool(List.of(2, 2), null, List.of(2, 0, 0, 0), null, false),
        "MaxPool:", "pads [2, 0, 0, 0]", "kernel_shape [2, 2]");
    assertMessage(() -> new AveragePool(List.of(3), null, List.of(0, 3), false, false),
        "AveragePool:", "pads [0, 3]");
    assertEquals(Shape.of(1, 1, 3, 3), new MaxPool(List.of(2, 2), null, List.of(1, 1, 1, 1), null, false)
        .outputShape(List.of(Shape.of(1, 1, 2, 2))));
  }

  @Test
  void windowArithmeticDoesNotOverflow() {
    Conv conv = new Conv(Tensor.zeros(Shape.of(1, 1, 3)), null, List.of(1), List.of(Integer.MAX_VALUE, 1),
        List.of(Integer.MAX_VALUE), 1);
    assertMessage(() -> conv.outputShape(List.of(Shape.of(1, 1, 8))), "Conv:", "longer than 2147483647");
    ConvTranspose up = new ConvTranspose(Tensor.zeros(Shape.of(1, 1, 2)), null, List.of(1 << 30), null, null,
        null, 1);
    assertMessage(() -> up.outputShape(List.of(Shape.of(1, 1, 8))), "ConvTranspose:", "spatial axis 0",
        "extent 7516192770");
  }

  private static List<Float> asList(Tensor t) {
    float[] a = t.toArray();
    Float[] boxed = new Float[a.length];
    for (int i = 0; i < a.length; i++) {
      boxed[i] = a[i];
    }
    return List.of(boxed);
  }
}
