package org.xai4j.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** xai4j's own classes obtain the accessor and share storage with tensors through it. */
class TensorInternalsTest {
  @Test
  void anXai4jClassGetsTheAccessor() {
    assertSame(TensorInternals.access(), TensorInternals.access());
  }

  @Test
  void adoptAndArrayShareTheStorageWithoutCopying() {
    TensorInternals internals = TensorInternals.access();
    float[] data = {1f, 2f, 3f, 4f, 5f, 6f};
    Tensor t = internals.adopt(Shape.of(2, 3), data);
    assertSame(data, internals.array(t));
    assertEquals(6f, t.get(1, 2));
    assertArrayEquals(data, t.toArray());
  }
}
