package org.xai4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexMapTest {
  private static Tensor arange(int... dims) {
    Shape s = Shape.of(dims);
    float[] v = new float[s.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(s, v);
  }

  @Test
  void permutationTransposesAMatrix() {
    IndexMap m = IndexMap.permutation(Shape.of(2, 3), new int[] {1, 0});
    assertEquals(Shape.of(3, 2), m.target());
    assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, m.gather(arange(2, 3), 0f).toArray());
  }

  @Test
  void perAxisMapsFillUnmappedElementsAndCrop() {
    // axis 0: one new row before the two rows; axis 1: columns 2 and 1 of three, then none
    IndexMap m = IndexMap.perAxis(Shape.of(2, 3),
        new int[][] {{IndexMap.NONE, 0, 1}, {2, 1, IndexMap.NONE}});
    assertArrayEquals(new float[] {-1, -1, -1, 2, 1, -1, 5, 4, -1},
        m.gather(arange(2, 3), -1f).toArray());
  }

  @Test
  void anUnmappedCoordinateOnAnOuterAxisEmptiesItsWholeBlock() {
    // axis 0: rows 1, none, 0 of two; axis 1: both columns; axis 2: element 1 of two
    IndexMap m = IndexMap.perAxis(Shape.of(2, 2, 2),
        new int[][] {{1, IndexMap.NONE, 0}, {0, 1}, {1}});
    assertEquals(Shape.of(3, 2, 1), m.target());
    assertArrayEquals(new float[] {5, 7, -1, -1, 1, 3}, m.gather(arange(2, 2, 2), -1f).toArray());
  }

  @Test
  void broadcastRepeatsAlongNewAndUnitAxes() {
    // [3, 1] -> [2, 3, 2]: target element (i, j, k) reads source element (j, 0)
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2},
        IndexMap.broadcast(Shape.of(3, 1), Shape.of(2, 3, 2)).indices());
    assertArrayEquals(new int[] {0, 1, 2, 0, 1, 2}, Broadcast.sourceIndex(Shape.of(3), Shape.of(2, 3)));
    assertThrows(IllegalArgumentException.class, () -> IndexMap.broadcast(Shape.of(2), Shape.of(3)));
  }

  @Test
  void scatterAddIsTheAdjointOfGather() {
    // <gather(x), y> == <x, scatterAdd(y)> for a map that reads some elements twice and some never
    IndexMap m = IndexMap.perAxis(Shape.of(2, 3), new int[][] {{1, 1, 0}, {0, IndexMap.NONE, 2, 2}});
    Tensor x = Tensor.of(Shape.of(2, 3), 1f, -2f, 3f, 0.5f, 4f, -1f);
    Tensor y = Tensor.of(m.target(), 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f, 12f);
    double lhs = 0;
    Tensor gx = m.gather(x, 0f);
    for (int i = 0; i < y.size(); i++) {
      lhs += gx.getFlat(i) * y.getFlat(i);
    }
    Tensor sy = m.scatterAdd(y);
    double rhs = 0;
    for (int i = 0; i < x.size(); i++) {
      rhs += x.getFlat(i) * sy.getFlat(i);
    }
    assertEquals(lhs, rhs, 1e-9);
    // element (1, 2) is read at target (0, 2), (0, 3), (1, 2), (1, 3): 3 + 4 + 7 + 8
    assertEquals(22f, sy.get(1, 2));
    assertEquals(0f, sy.get(1, 1));
  }

  @Test
  void scalarsMapToThemselves() {
    IndexMap m = IndexMap.permutation(Shape.scalar(), new int[0]);
    assertEquals(7f, m.gather(Tensor.scalar(7f), 0f).item());
  }

  @Test
  void invalidPermutationsAndCoordinatesNameTheShape() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IndexMap.permutation(Shape.of(2, 3), new int[] {0, 0}));
    assertTrue(e.getMessage().contains("[0, 0]") && e.getMessage().contains("[2, 3]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> IndexMap.perAxis(Shape.of(2, 3), new int[][] {{0, 2}, {0}}));
    assertTrue(e.getMessage().contains("axis 0") && e.getMessage().contains("[2, 3]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> IndexMap.permutation(Shape.of(2, 3), new int[] {1, 0}).gather(arange(2, 3, 1), 0f));
    assertTrue(e.getMessage().contains("[2, 3, 1]"), e.getMessage());
  }
}
