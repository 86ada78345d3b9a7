package org.xai4j.train;

import java.util.Random;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Translates every image of an {@code [N, C, H, W]} batch by its own random offset of
 * {@code -maxShift..maxShift} pixels along each of height and width (uniform integers drawn
 * as {@code dy} then {@code dx} per image), filling uncovered pixels with 0.
 *
 * @param maxShift the largest offset in pixels, at least 0
 */
public record RandomShift(int maxShift) implements Augmentation {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final int IMAGE_RANK = 4;

  /** Validates the offset. */
  public RandomShift {
    if (maxShift < 0) {
      throw new IllegalArgumentException("RandomShift needs a maximum offset >= 0, got " + maxShift);
    }
  }

  @Override
  public Tensor apply(Tensor inputs, Random random) {
    Shape s = inputs.shape();
    if (s.rank() != IMAGE_RANK) {
      throw new IllegalArgumentException("RandomShift needs [N, C, H, W] images, got shape " + s);
    }
    int n = s.dim(0);
    int c = s.dim(1);
    int h = s.dim(2);
    int w = s.dim(3);
    float[] src = INTERNALS.array(inputs);
    float[] dst = new float[src.length];
    for (int i = 0; i < n; i++) {
      int dy = random.nextInt(2 * maxShift + 1) - maxShift;
      int dx = random.nextInt(2 * maxShift + 1) - maxShift;
      for (int ch = 0; ch < c; ch++) {
        int plane = (i * c + ch) * h * w;
        for (int y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
          int x0 = Math.max(0, dx);
          int x1 = Math.min(w, w + dx);
          System.arraycopy(src, plane + (y - dy) * w + (x0 - dx), dst, plane + y * w + x0, x1 - x0);
        }
      }
    }
    return INTERNALS.adopt(s, dst);
  }
}
