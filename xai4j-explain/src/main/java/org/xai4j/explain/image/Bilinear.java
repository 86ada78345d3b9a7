package org.xai4j.explain.image;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Bilinear resizing of image batches {@code [N, C, H, W]} with half-pixel centres, the convention
 * of PyTorch's {@code interpolate(mode='bilinear', align_corners=False)} and OpenCV's
 * {@code INTER_LINEAR} (used by pytorch-grad-cam): source coordinate
 * {@code max(0, (dst + 0.5) * in / out - 0.5)}, neighbours clamped at the border.
 */
public final class Bilinear {
  private static final int IMAGE_RANK = 4;
  private static final int H_AXIS = 2;
  private static final int W_AXIS = 3;

  private Bilinear() {}

  /**
   * Resizes the two spatial axes.
   *
   * @throws IllegalArgumentException if {@code images} is not {@code [N, C, H, W]} or a target
   *     extent is below 1
   */
  public static Tensor resize(Tensor images, int height, int width) {
    Shape s = images.shape();
    if (s.rank() != IMAGE_RANK || height < 1 || width < 1) {
      throw new IllegalArgumentException("bilinear resize needs [N, C, H, W] and a positive size, got "
          + s + " to " + height + "x" + width);
    }
    int planes = s.dim(0) * s.dim(1);
    int h = s.dim(H_AXIS);
    int w = s.dim(W_AXIS);
    float[] src = TensorInternals.array(images);
    float[] dst = new float[planes * height * width];
    int[] y0 = new int[height];
    int[] y1 = new int[height];
    float[] fy = new float[height];
    taps(h, height, y0, y1, fy);
    int[] x0 = new int[width];
    int[] x1 = new int[width];
    float[] fx = new float[width];
    taps(w, width, x0, x1, fx);
    for (int p = 0; p < planes; p++) {
      int in = p * h * w;
      int out = p * height * width;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          float top = src[in + y0[y] * w + x0[x]] * (1 - fx[x]) + src[in + y0[y] * w + x1[x]] * fx[x];
          float bottom = src[in + y1[y] * w + x0[x]] * (1 - fx[x]) + src[in + y1[y] * w + x1[x]] * fx[x];
          dst[out + y * width + x] = top * (1 - fy[y]) + bottom * fy[y];
        }
      }
    }
    return TensorInternals.adopt(s.withDim(H_AXIS, height).withDim(W_AXIS, width), dst);
  }

  private static void taps(int in, int out, int[] lo, int[] hi, float[] frac) {
    double scale = (double) in / out;
    for (int i = 0; i < out; i++) {
      double c = Math.max(0, (i + 0.5) * scale - 0.5);
      int l = Math.min((int) Math.floor(c), in - 1);
      lo[i] = l;
      hi[i] = Math.min(l + 1, in - 1);
      frac[i] = (float) (c - l);
    }
  }
}
