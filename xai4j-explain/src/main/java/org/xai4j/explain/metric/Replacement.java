package org.xai4j.explain.metric;

import java.util.Random;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * What a perturbed pixel becomes. {@link #ZERO}: 0 (Petsiuk et al. 2018 deletion);
 * {@link #MEAN}: the mean of the sample's channel; {@link #BLUR}: the Gaussian-blurred image
 * (Petsiuk et al. 2018 insertion: an 11 x 11 kernel with sigma 5, zero padding);
 * {@link #NOISE}: uniform noise over the sample's value range (Samek et al. 2017).
 */
public enum Replacement {
  /** Zero. */
  ZERO("set to 0"),
  /** The per-sample, per-channel mean. */
  MEAN("set to the channel mean"),
  /** The Gaussian blur of the image. */
  BLUR("blurred"),
  /** Uniform noise in {@code [min, max]} of the sample. */
  NOISE("replaced by uniform noise");

  private static final TensorInternals INTERNALS = TensorInternals.access();

  private final String label;

  Replacement(String label) {
    this.label = label;
  }

  /** What happens to a replaced pixel, in words, for tables and plot titles ("set to 0"). */
  public String label() {
    return label;
  }

  /** Width of the blur kernel (Petsiuk et al. 2018). */
  public static final int BLUR_KERNEL = 11;
  /** Standard deviation of the blur kernel in pixels (Petsiuk et al. 2018). */
  public static final double BLUR_SIGMA = 5;

  /** The replacement values for every element of {@code images} (same shape). */
  Tensor values(Tensor images, ImageGrid grid, Random random) {
    float[] x = INTERNALS.array(images);
    float[] out = new float[x.length];
    int plane = grid.h() * grid.w();
    for (int b = 0; b < grid.n(); b++) {
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      int sample = b * grid.c() * plane;
      for (int i = sample; i < sample + grid.c() * plane; i++) {
        lo = Math.min(lo, x[i]);
        hi = Math.max(hi, x[i]);
      }
      for (int k = 0; k < grid.c(); k++) {
        int base = sample + k * plane;
        switch (this) {
          case ZERO -> { }
          case MEAN -> java.util.Arrays.fill(out, base, base + plane, planeMean(x, base, plane));
          case BLUR -> blur(x, out, base, grid.h(), grid.w());
          case NOISE -> {
            for (int i = base; i < base + plane; i++) {
              out[i] = lo + (hi - lo) * random.nextFloat();
            }
          }
        }
      }
    }
    return INTERNALS.adopt(images.shape(), out);
  }

  private static float planeMean(float[] x, int base, int plane) {
    double s = 0;
    for (int i = base; i < base + plane; i++) {
      s += x[i];
    }
    return (float) (s / plane);
  }

  /** Separable Gaussian blur of one plane, zero outside the image. */
  private static void blur(float[] x, float[] out, int base, int h, int w) {
    double[] k = gaussianKernel();
    int r = BLUR_KERNEL / 2;
    double[] rows = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int c = 0; c < w; c++) {
        double s = 0;
        for (int t = -r; t <= r; t++) {
          int cc = c + t;
          if (cc >= 0 && cc < w) {
            s += k[t + r] * x[base + y * w + cc];
          }
        }
        rows[y * w + c] = s;
      }
    }
    for (int y = 0; y < h; y++) {
      for (int c = 0; c < w; c++) {
        double s = 0;
        for (int t = -r; t <= r; t++) {
          int yy = y + t;
          if (yy >= 0 && yy < h) {
            s += k[t + r] * rows[yy * w + c];
          }
        }
        out[base + y * w + c] = (float) s;
      }
    }
  }

  private static double[] gaussianKernel() {
    double[] k = new double[BLUR_KERNEL];
    double sum = 0;
    for (int i = 0; i < BLUR_KERNEL; i++) {
      double d = i - BLUR_KERNEL / 2;
      k[i] = Math.exp(-d * d / (2 * BLUR_SIGMA * BLUR_SIGMA));
      sum += k[i];
    }
    for (int i = 0; i < BLUR_KERNEL; i++) {
      k[i] /= sum;
    }
    return k;
  }
}
