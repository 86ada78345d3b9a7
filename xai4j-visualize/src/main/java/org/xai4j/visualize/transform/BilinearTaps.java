package org.xai4j.visualize.transform;

/**
 * Bilinear sampling of an {@code H x W} plane at the same size through a fixed coordinate map: for
 * every output pixel the four input pixels around its source point and their weights, with pixels
 * outside the plane contributing zero (PyTorch's {@code grid_sample} with zero padding). The same
 * taps serve the forward gather and its adjoint, the backward scatter.
 */
final class BilinearTaps {
  private final int area;
  private final int[] index;
  private final float[] weight;

  private BilinearTaps(int area, int[] index, float[] weight) {
    this.area = area;
    this.index = index;
    this.weight = weight;
  }

  /** The taps of a rotation by {@code radians} about the plane's centre. */
  static BilinearTaps rotation(int h, int w, double radians) {
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    double cos = Math.cos(radians);
    double sin = Math.sin(radians);
    int area = h * w;
    int[] index = new int[4 * area];
    float[] weight = new float[4 * area];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double sx = cx + cos * (x - cx) - sin * (y - cy);
        double sy = cy + sin * (x - cx) + cos * (y - cy);
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        int t = 4 * (y * w + x);
        tap(index, weight, t, x0, y0, (1 - fx) * (1 - fy), h, w);
        tap(index, weight, t + 1, x0 + 1, y0, fx * (1 - fy), h, w);
        tap(index, weight, t + 2, x0, y0 + 1, (1 - fx) * fy, h, w);
        tap(index, weight, t + 3, x0 + 1, y0 + 1, fx * fy, h, w);
      }
    }
    return new BilinearTaps(area, index, weight);
  }

  private static void tap(int[] index, float[] weight, int t, int x, int y, double wt, int h, int w) {
    boolean inside = x >= 0 && x < w && y >= 0 && y < h;
    index[t] = inside ? y * w + x : 0;
    weight[t] = inside ? (float) wt : 0f;
  }

  /** {@code out[p] = sum of weight * in[tap]} for every plane. */
  void gather(float[] in, float[] out, int planes) {
    for (int p = 0; p < planes; p++) {
      int base = p * area;
      for (int o = 0; o < area; o++) {
        int t = 4 * o;
        out[base + o] = weight[t] * in[base + index[t]] + weight[t + 1] * in[base + index[t + 1]]
            + weight[t + 2] * in[base + index[t + 2]] + weight[t + 3] * in[base + index[t + 3]];
      }
    }
  }

  /** The adjoint: {@code in[tap] += weight * out[p]} for every plane. */
  void scatter(float[] out, float[] in, int planes) {
    for (int p = 0; p < planes; p++) {
      int base = p * area;
      for (int o = 0; o < area; o++) {
        int t = 4 * o;
        float g = out[base + o];
        for (int k = 0; k < 4; k++) {
          in[base + index[t + k]] += weight[t + k] * g;
        }
      }
    }
  }
}
