package org.xai4j.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AxisSplitTest {
  private final Shape shape = Shape.of(2, 3, 4, 5);

  @Test
  void splitsAroundAnAxisCountingNegativeAxesFromTheEnd() {
    assertEquals(new AxisSplit(6, 4, 5), AxisSplit.of(shape, 2));
    assertEquals(new AxisSplit(6, 4, 5), AxisSplit.of(shape, -2));
    assertEquals(new AxisSplit(1, 2, 60), AxisSplit.of(shape, 0));
    assertEquals(new AxisSplit(24, 5, 1), AxisSplit.of(shape, -1));
  }

  @Test
  void offsetIsTheRowMajorPositionOfSliceAndAxisIndex() {
    AxisSplit s = AxisSplit.of(shape, 1);
    // element (n=1, c=2, h=0, w=0) of [2, 3, 4, 5]: 1*60 + 2*20
    assertEquals(100, s.offset(1, 2));
    assertEquals(shape.size(), s.size());
  }

  @Test
  void coerced2dTakesAllAxesFromTheSplitOnAndAcceptsRank() {
    assertEquals(new AxisSplit(2, 60, 1), AxisSplit.coerced2d(shape, 1));
    assertEquals(new AxisSplit(1, 120, 1), AxisSplit.coerced2d(shape, 0));
    assertEquals(new AxisSplit(120, 1, 1), AxisSplit.coerced2d(shape, 4));
    assertEquals(new AxisSplit(24, 5, 1), AxisSplit.coerced2d(shape, -1));
    assertEquals(new AxisSplit(1, 120, 1), AxisSplit.coerced2d(shape, -4));
  }

  @Test
  void outOfRangeAxesNameTheShape() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AxisSplit.coerced2d(shape, 5));
    assertTrue(e.getMessage().contains("[2, 3, 4, 5]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AxisSplit.of(shape, 4));
    assertThrows(IllegalArgumentException.class, () -> AxisSplit.coerced2d(shape, -5));
  }
}
