package org.xai4j.explain.metric;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A batch seen as images {@code [N, C, H, W]} cut into square regions of {@code patch x patch}
 * pixels (the last row and column of regions are clipped at the border). A vector batch
 * {@code [N, D]} is one channel of height 1 and width {@code D}, so its regions are runs of
 * {@code patch} features. Regions are numbered row by row.
 */
record ImageGrid(int n, int c, int h, int w, int patch) {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  ImageGrid {
    if (patch < 1) {
      throw new IllegalArgumentException("patch size must be >= 1, got " + patch);
    }
  }

  /**
   * The grid of an input batch.
   *
   * @throws IllegalArgumentException if the input is neither {@code [N, D]} nor {@code [N, C, H, W]}
   */
  static ImageGrid of(Shape input, int patch) {
    if (input.rank() == 2) {
      return new ImageGrid(input.dim(0), 1, 1, input.dim(1), patch);
    }
    if (input.rank() == 4) {
      return new ImageGrid(input.dim(0), input.dim(1), input.dim(2), input.dim(3), patch);
    }
    throw new IllegalArgumentException("expected an input [N, D] or [N, C, H, W], got " + input);
  }

  int rows() {
    return (h + patch - 1) / patch;
  }

  int cols() {
    return (w + patch - 1) / patch;
  }

  int regions() {
    return rows() * cols();
  }

  int pixels() {
    return h * w;
  }

  /** The pixel indices ({@code y * w + x}) of region {@code r}. */
  int[] pixelsOf(int r) {
    int y0 = (r / cols()) * patch;
    int x0 = (r % cols()) * patch;
    int y1 = Math.min(h, y0 + patch);
    int x1 = Math.min(w, x0 + patch);
    int[] p = new int[(y1 - y0) * (x1 - x0)];
    int i = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        p[i++] = y * w + x;
      }
    }
    return p;
  }

  /**
   * Per-pixel relevance {@code [N][H * W]}: the relevance summed over its channels. Accepts a
   * relevance with the input's channels or one channel ({@code [N, 1, H, W]}, {@code [N, H, W]}).
   *
   * @throws IllegalArgumentException naming both shapes if the relevance does not fit the input
   */
  double[][] pixelRelevance(Tensor relevance) {
    int channels;
    if (relevance.rank() >= 1 && relevance.shape().dim(0) == n && relevance.size() == n * c * h * w) {
      channels = c;
    } else if (relevance.rank() >= 1 && relevance.shape().dim(0) == n && relevance.size() == n * h * w) {
      channels = 1;
    } else {
      throw mismatch(relevance.shape(), "the input [" + n + ", " + c + ", " + h + ", " + w + "]", n, h, w);
    }
    float[] r = INTERNALS.array(relevance);
    double[][] out = new double[n][h * w];
    for (int b = 0; b < n; b++) {
      for (int k = 0; k < channels; k++) {
        int base = (b * channels + k) * h * w;
        for (int p = 0; p < h * w; p++) {
          out[b][p] += r[base + p];
        }
      }
    }
    return out;
  }

  /**
   * The grid of {@code n} maps of {@code h x w} pixels that {@code relevance} covers with whole channels
   * ({@code [N, C, H, W]}, {@code [N, 1, H, W]} or {@code [N, H, W]}), for scores against masks of that size.
   *
   * @param against names the masks in the message, for example {@code "the masks [4, 64, 64]"}
   * @throws IllegalArgumentException if the relevance has another batch size or resolution
   */
  static ImageGrid covering(Tensor relevance, String against, int n, int h, int w) {
    int perChannel = n * h * w;
    if (relevance.rank() < 1 || relevance.shape().dim(0) != n || relevance.size() < perChannel
        || relevance.size() % perChannel != 0) {
      throw mismatch(relevance.shape(), against, n, h, w);
    }
    return new ImageGrid(n, relevance.size() / perChannel, h, w, 1);
  }

  /**
   * The error of a relevance that does not fit {@code n} images of {@code h x w}: it names both shapes and, for a
   * map at another resolution, how to resize it.
   */
  private static IllegalArgumentException mismatch(Shape relevance, String against, int n, int h, int w) {
    String message = "relevance " + relevance + " does not fit " + against;
    if (relevance.rank() >= 3 && relevance.dim(0) == n) {
      int rh = relevance.dim(relevance.rank() - 2);
      int rw = relevance.dim(relevance.rank() - 1);
      if (rh != h || rw != w) {
        return new IllegalArgumentException(message + ": its maps are " + rh + "x" + rw + ", the images " + h + "x"
            + w + " (a map at a layer's resolution, such as Grad-CAM's, must be resized to the input first: "
            + "GradCam.withUpsampling(true), --upsample)");
      }
    }
    return new IllegalArgumentException(message + " (need its channels or one channel)");
  }

  /** Per-region relevance {@code [N][regions]}: sums of {@link #pixelRelevance} over each region. */
  double[][] regionRelevance(Tensor relevance) {
    double[][] pixels = pixelRelevance(relevance);
    double[][] out = new double[n][regions()];
    for (int r = 0; r < regions(); r++) {
      for (int p : pixelsOf(r)) {
        for (int b = 0; b < n; b++) {
          out[b][r] += pixels[b][p];
        }
      }
    }
    return out;
  }
}
