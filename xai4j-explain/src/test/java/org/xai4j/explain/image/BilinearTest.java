package org.xai4j.explain.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

class BilinearTest {
  @Test
  void bilinearUsesHalfPixelCentres() {
    Tensor t = Tensor.of(Shape.of(1, 1, 1, 2), 0f, 1f);
    // source x = max(0, (i + 0.5) / 2 - 0.5) = 0, 0.25, 0.75, 1.25 (clamped to the last pixel)
    assertArrayEquals(new float[] {0f, 0.25f, 0.75f, 1f}, Bilinear.resize(t, 1, 4).toArray());
  }
}
