package org.xai4j.visualize.param;

import java.util.random.RandomGenerator;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;
import org.xai4j.visualize.transform.Transform;
import org.xai4j.visualize.transform.Transformed;

/**
 * Lucid's decorrelated colour space ({@code param/color.py}): each pixel's three parameters
 * {@code v} become {@code rgb = M v} with {@code M} the square root of ImageNet's colour
 * correlation, normalized by its largest column norm, so that the parameters are (roughly)
 * uncorrelated colour components and steps in them do not all push towards grey.
 *
 * <pre>
 *   M = [[0.26, 0.09, 0.02], [0.27, 0.00, -0.05], [0.27, -0.09, 0.03]] / max_j |M[:, j]|
 * </pre>
 */
public final class ColorDecorrelation implements Transform {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Lucid's {@code color_correlation_svd_sqrt}, rows are R, G, B. */
  static final double[][] CORRELATION_SQRT = {{0.26, 0.09, 0.02}, {0.27, 0.00, -0.05}, {0.27, -0.09, 0.03}};
  private static final int CHANNELS = 3;
  private static final float[] MATRIX = normalized();

  /** The normalized matrix, row-major ({@code rgb[i] = sum_j M[i][j] v[j]}). */
  public static float[] matrix() {
    return MATRIX.clone();
  }

  private static float[] normalized() {
    double max = 0;
    for (int j = 0; j < CHANNELS; j++) {
      double s = 0;
      for (int i = 0; i < CHANNELS; i++) {
        s += CORRELATION_SQRT[i][j] * CORRELATION_SQRT[i][j];
      }
      max = Math.max(max, Math.sqrt(s));
    }
    float[] m = new float[CHANNELS * CHANNELS];
    for (int i = 0; i < CHANNELS; i++) {
      for (int j = 0; j < CHANNELS; j++) {
        m[i * CHANNELS + j] = (float) (CORRELATION_SQRT[i][j] / max);
      }
    }
    return m;
  }

  @Override
  public Transformed apply(Tensor image, RandomGenerator random) {
    if (image.rank() != 4 || image.shape().dim(1) != CHANNELS) {
      throw new IllegalArgumentException("colour decorrelation needs RGB images [N, 3, H, W], got shape " + image.shape());
    }
    float[] y = new float[image.size()];
    mix(INTERNALS.array(image), y, image.shape().dim(0), image.shape().dim(2) * image.shape().dim(3), false);
    return new Transformed(INTERNALS.adopt(image.shape(), y), g -> {
      float[] gx = new float[g.size()];
      mix(INTERNALS.array(g), gx, g.shape().dim(0), g.shape().dim(2) * g.shape().dim(3), true);
      return INTERNALS.adopt(g.shape(), gx);
    });
  }

  /** {@code out = M in} per pixel, or {@code M^T in} for the backward pass. */
  private static void mix(float[] in, float[] out, int batch, int area, boolean transposed) {
    for (int n = 0; n < batch; n++) {
      int base = n * CHANNELS * area;
      for (int p = 0; p < area; p++) {
        for (int i = 0; i < CHANNELS; i++) {
          float s = 0;
          for (int j = 0; j < CHANNELS; j++) {
            float m = transposed ? MATRIX[j * CHANNELS + i] : MATRIX[i * CHANNELS + j];
            s += m * in[base + j * area + p];
          }
          out[base + i * area + p] = s;
        }
      }
    }
  }

  @Override
  public String description() {
    return "decorrelate";
  }
}
