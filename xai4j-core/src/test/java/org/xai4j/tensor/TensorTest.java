package org.xai4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TensorTest {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  @Test
  void broadcastingAddMatchesNumpy() {
    Tensor a = Tensor.of(Shape.of(2, 1, 3), 1f, 2f, 3f, 4f, 5f, 6f);
    Tensor b = Tensor.of(Shape.of(2, 1), 10f, 20f);
    Tensor c = a.add(b);
    assertEquals(Shape.of(2, 2, 3), c.shape());
    assertArrayEquals(new float[] {11, 12, 13, 21, 22, 23, 14, 15, 16, 24, 25, 26}, c.toArray());
  }

  @Test
  void incompatibleShapesNameBoth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Tensor.zeros(Shape.of(2, 3)).add(Tensor.zeros(Shape.of(4))));
    assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4]"), e.getMessage());
  }

  @Test
  void reduceToIsTheAdjointOfBroadcasting() {
    Tensor g = Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f);
    assertArrayEquals(new float[] {5, 7, 9}, Broadcast.reduceTo(g, Shape.of(1, 3)).toArray());
    assertArrayEquals(new float[] {6, 15}, Broadcast.reduceTo(g, Shape.of(2, 1)).toArray());
    assertEquals(21f, Broadcast.reduceTo(g, Shape.scalar()).item());
  }

  @Test
  void reshapeInfersOneAxisAndSumAlongAxis() {
    Tensor t = Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f, 6f).reshape(3, -1);
    assertEquals(Shape.of(3, 2), t.shape());
    assertArrayEquals(new float[] {9, 12}, t.sum(0, false).toArray());
    assertArrayEquals(new float[] {3, 7, 11}, t.sum(1, true).toArray());
    assertEquals(Shape.of(3, 1), t.sum(1, true).shape());
    assertThrows(IllegalArgumentException.class, () -> t.reshape(4, -1));
  }

  @Test
  void sliceAndConcatAlongBatch() {
    Tensor t = Tensor.of(Shape.of(3, 2), 1f, 2f, 3f, 4f, 5f, 6f);
    Tensor back = Tensor.concat0(java.util.List.of(t.slice0(0, 1), t.slice0(1, 3)));
    assertArrayEquals(t.toArray(), back.toArray());
    assertEquals(3f, t.get(1, 0));
    assertArrayEquals(new int[] {1, 1, 1}, t.argmaxRows());
  }

  /** Derived values are computed once per tensor and key, from any number of threads, and not shared with copies. */
  @Test
  void derivedValueIsComputedOncePerTensorAndKey() {
    record Key(String name) {}
    Tensor t = Tensor.of(Shape.of(2, 2), 1f, 2f, 3f, 4f);
    AtomicInteger computed = new AtomicInteger();
    float[][] sums = IntStream.range(0, 64).parallel()
        .mapToObj(i -> INTERNALS.derived(t, new Key("sum"), float[].class, x -> {
          computed.incrementAndGet();
          return new float[] {(float) x.sum()};
        }))
        .toArray(float[][]::new);
    assertEquals(1, computed.get());
    for (float[] s : sums) {
      assertSame(sums[0], s);
    }
    assertEquals(10f, sums[0][0]);
    float[] doubled = INTERNALS.derived(t, new Key("twice"), float[].class,
        x -> new float[] {(float) (2 * x.sum())});
    assertEquals(20f, doubled[0]);
    // a modified copy (or a reshape: another tensor object) derives its own value
    Tensor copy = t.mul(3f);
    assertEquals(30f, INTERNALS.derived(copy, new Key("sum"), float[].class,
        x -> new float[] {(float) x.sum()})[0]);
    assertEquals(1, computed.get());
  }

  @Test
  void reduceAlongAnyAxisIsExact() {
    // [2, 3, 2]: sample 0 is (c - 1) * (s + 1), sample 1 other values; expected from NumPy
    Tensor x = Tensor.of(Shape.of(2, 3, 2), -1f, -2f, 0f, 0f, 1f, 2f, 9f, 8f, 10f, 10f, 11f, 12f);
    assertArrayEquals(new float[] {0f, 0f, 30f, 30f}, x.reduce(1, AxisReduction.SUM, false).toArray());
    assertEquals(Shape.of(2, 2), x.reduce(1, AxisReduction.SUM, false).shape());
    assertArrayEquals(new float[] {2f, 4f, 30f, 30f}, x.reduce(1, AxisReduction.ABS_SUM, false).toArray());
    assertArrayEquals(new float[] {1f, 2f, 11f, 12f}, x.reduce(1, AxisReduction.MAX, false).toArray());
    assertArrayEquals(new float[] {0f, 0f, 10f, 10f}, x.reduce(1, AxisReduction.MEAN, false).toArray());
    Tensor spatial = x.reduce(-1, AxisReduction.MEAN, true);
    assertEquals(Shape.of(2, 3, 1), spatial.shape());
    assertArrayEquals(new float[] {-1.5f, 0f, 1.5f, 8.5f, 10f, 11.5f}, spatial.toArray());
    assertArrayEquals(new float[] {8f, 6f, 10f, 10f, 12f, 14f}, x.reduce(0, AxisReduction.SUM, false).toArray());
    assertArrayEquals(new float[] {9f, 8f, 10f, 10f, 11f, 12f}, x.reduce(0, AxisReduction.MAX, false).toArray());
    assertArrayEquals(x.reduce(1, AxisReduction.SUM, true).toArray(), x.sum(1, true).toArray());
    assertArrayEquals(new float[] {-7f}, Tensor.of(Shape.of(1, 1), -7f).reduce(1, AxisReduction.MAX, false)
        .toArray());
    assertThrows(IllegalArgumentException.class, () -> x.reduce(3, AxisReduction.SUM, false));
  }
}
