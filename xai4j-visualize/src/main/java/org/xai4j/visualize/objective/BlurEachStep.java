package org.xai4j.visualize.objective;

/**
 * Lucid's {@code blur_input_each_step} (after Nguyen et al., 2015):
 * {@code 0.5 * sum (x - stop_gradient(blur(x)))^2}, whose gradient is {@code x - blur(x)}.
 * Maximizing {@code -k} times it with plain gradient steps of size 1 is the update
 * {@code x <- (1 - k) x + k blur(x)}: blurring the image after each step. With Adam, or through a
 * Fourier parameterization, it is a penalty that pulls the image towards its blurred self.
 *
 * <p>{@code blur} is Lucid's 3x3 box-like kernel (1 in the centre, 0.5 around), per channel, with
 * zero padding, divided by the same kernel applied to ones so that the borders are averages too.
 */
final class BlurEachStep extends ImagePenalty {
  /** Weight of the eight neighbours; the centre weighs 1. */
  static final float NEIGHBOUR_WEIGHT = 0.5f;

  @Override
  double item(float[] x, float[] g, int offset, int channels, int height, int width) {
    double s = 0;
    for (int c = 0; c < channels; c++) {
      int base = offset + c * height * width;
      for (int y = 0; y < height; y++) {
        for (int xx = 0; xx < width; xx++) {
          double sum = 0;
          double weight = 0;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int yy = y + dy;
              int xc = xx + dx;
              if (yy >= 0 && yy < height && xc >= 0 && xc < width) {
                float w = dy == 0 && dx == 0 ? 1f : NEIGHBOUR_WEIGHT;
                sum += w * x[base + yy * width + xc];
                weight += w;
              }
            }
          }
          int i = base + y * width + xx;
          double diff = x[i] - sum / weight;
          s += 0.5 * diff * diff;
          g[i] = (float) diff;
        }
      }
    }
    return s;
  }

  @Override
  public String description() {
    return "blur";
  }
}
