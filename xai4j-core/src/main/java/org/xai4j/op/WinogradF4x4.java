package org.xai4j.op;

/**
 * F(4x4, 3x3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2016, with the
 * interpolation points 0, 1, -1, 2, -2 and infinity): 36 multiply-adds per 4x4 output tile and
 * channel pair instead of 144 (4 times fewer; 1.78 times fewer than F(2x2, 3x3)), and 2.25
 * instead of 4 transformed values per output and channel. The price is accuracy: the transforms
 * have entries up to 8 (and {@code G} the fractions 1/4, 1/6, 1/12, 1/24), which amplify float
 * rounding several times over the direct sum's; {@code WinogradTest} measures it against the
 * direct path and a double-precision definition.
 *
 * <pre>
 * B^T = [[4,  0, -5,  0, 1, 0],        G = [[ 1/4,     0,    0],      A^T = [[1, 1,  1, 1,  1, 0],
 *        [0, -4, -4,  1, 1, 0],             [-1/6,  -1/6, -1/6],             [0, 1, -1, 2, -2, 0],
 *        [0,  4, -4, -1, 1, 0],             [-1/6,   1/6, -1/6],             [0, 1,  1, 4,  4, 0],
 *        [0, -2, -1,  2, 1, 0],             [1/24,  1/12,  1/6],             [0, 1, -1, 8, -8, 1]]
 *        [0,  2, -1, -2, 1, 0],             [1/24, -1/12,  1/6],
 *        [0,  4,  0, -5, 0, 1]]             [   0,     0,    1]]
 * </pre>
 */
final class WinogradF4x4 implements WinogradTransform {
  static final WinogradF4x4 INSTANCE = new WinogradF4x4();
  private static final int TILE = 4;
  private static final int PATCH = 6;
  private static final int KERNEL = Winograd.KERNEL;

  private WinogradF4x4() {}

  @Override
  public int tile() {
    return TILE;
  }

  @Override
  public String name() {
    return "F(4x4,3x3)";
  }

  @Override
  public float[] transformWeight(float[] w, int m, int c) {
    float[] u = new float[PATCH * PATCH * m * c];
    double[] gw = new double[PATCH * KERNEL];
    double[] g = new double[PATCH];
    int plane = m * c;
    for (int o = 0; o < m; o++) {
      for (int i = 0; i < c; i++) {
        int src = (o * c + i) * KERNEL * KERNEL;
        for (int col = 0; col < KERNEL; col++) {
          kernelTransform(w[src + col], w[src + KERNEL + col], w[src + 2 * KERNEL + col], g);
          for (int row = 0; row < PATCH; row++) {
            gw[row * KERNEL + col] = g[row];
          }
        }
        for (int row = 0; row < PATCH; row++) {
          kernelTransform(gw[row * KERNEL], gw[row * KERNEL + 1], gw[row * KERNEL + 2], g);
          int dst = (row * PATCH) * plane + o * c + i;
          for (int col = 0; col < PATCH; col++) {
            u[dst + col * plane] = (float) g[col];
          }
        }
      }
    }
    return u;
  }

  /** {@code G (w0, w1, w2)^T} into {@code g[0..5]}. */
  private static void kernelTransform(double w0, double w1, double w2, double[] g) {
    g[0] = w0 / 4;
    g[1] = -(w0 + w1 + w2) / 6;
    g[2] = -(w0 - w1 + w2) / 6;
    g[3] = w0 / 24 + w1 / 12 + w2 / 6;
    g[4] = w0 / 24 - w1 / 12 + w2 / 6;
    g[5] = w2;
  }

  /**
   * The row combinations run over whole padded rows first (unit-stride loops), then the column
   * combinations per tile, both by {@code B^T} with the shared terms
   * {@code d4 - 4 d2 +- (d3 - 4 d1)} and {@code d4 - d2 +- 2 (d3 - d1)}.
   */
  @Override
  public void transformInput(float[] p, int base, int width, int t0, int t1, int tw, float[] v, int off,
      int stride, float[] rows) {
    int t = t0;
    while (t < t1) {
      int tr = t / tw;
      int tc0 = t - tr * tw;
      int tc1 = Math.min(tw, tc0 + t1 - t);
      int r0 = base + TILE * tr * width;
      int lo = TILE * tc0;
      int hi = TILE * tc1 + KERNEL - 1;
      for (int j = lo; j < hi; j++) {
        float d0 = p[r0 + j];
        float d1 = p[r0 + width + j];
        float d2 = p[r0 + 2 * width + j];
        float d3 = p[r0 + 3 * width + j];
        float d4 = p[r0 + 4 * width + j];
        float d5 = p[r0 + 5 * width + j];
        float a = d4 - 4 * d2;
        float b = d3 - 4 * d1;
        float e = d4 - d2;
        float f = 2 * (d3 - d1);
        rows[j] = 4 * d0 - 5 * d2 + d4;
        rows[width + j] = a + b;
        rows[2 * width + j] = a - b;
        rows[3 * width + j] = e + f;
        rows[4 * width + j] = e - f;
        rows[5 * width + j] = 4 * d1 - 5 * d3 + d5;
      }
      int o = off + t - t0;
      for (int i = 0; i < PATCH; i++) {
        int row = i * width;
        int dst = o + (i * PATCH) * stride;
        for (int tc = tc0, q = 0; tc < tc1; tc++, q++) {
          int j = row + TILE * tc;
          float s0 = rows[j];
          float s1 = rows[j + 1];
          float s2 = rows[j + 2];
          float s3 = rows[j + 3];
          float s4 = rows[j + 4];
          float s5 = rows[j + 5];
          float a = s4 - 4 * s2;
          float b = s3 - 4 * s1;
          float e = s4 - s2;
          float f = 2 * (s3 - s1);
          v[dst + q] = 4 * s0 - 5 * s2 + s4;
          v[dst + stride + q] = a + b;
          v[dst + 2 * stride + q] = a - b;
          v[dst + 3 * stride + q] = e + f;
          v[dst + 4 * stride + q] = e - f;
          v[dst + 5 * stride + q] = 4 * s1 - 5 * s3 + s5;
        }
      }
      t += tc1 - tc0;
    }
  }

  /**
   * {@code A^T M} per column of the 6x6 product block, then the same per row of the result, with
   * the shared terms {@code m1 +- m2} and {@code m3 +- m4}.
   */
  @Override
  public void transformOutput(float[] prod, int m, int width, int t0, int tw, int outH, int outW, float[] y,
      int yOff) {
    int area = outH * outW;
    int stride = m * width;
    float[] z = new float[TILE * PATCH];
    for (int o = 0; o < m; o++) {
      int src = o * width;
      int plane = yOff + o * area;
      for (int q = 0; q < width; q++) {
        int i0 = src + q;
        for (int j = 0; j < PATCH; j++) {
          int i = i0 + j * stride;
          float m0 = prod[i];
          float m1 = prod[i + PATCH * stride];
          float m2 = prod[i + 2 * PATCH * stride];
          float m3 = prod[i + 3 * PATCH * stride];
          float m4 = prod[i + 4 * PATCH * stride];
          float m5 = prod[i + 5 * PATCH * stride];
          float a = m1 + m2;
          float b = m1 - m2;
          float c = m3 + m4;
          float d = m3 - m4;
          z[j] = m0 + a + c;
          z[PATCH + j] = b + 2 * d;
          z[2 * PATCH + j] = a + 4 * c;
          z[3 * PATCH + j] = b + 8 * d + m5;
        }
        int t = t0 + q;
        int tr = t / tw;
        int oh = TILE * tr;
        int ow = TILE * (t - tr * tw);
        int rowsOut = Math.min(TILE, outH - oh);
        int colsOut = Math.min(TILE, outW - ow);
        for (int r = 0; r < rowsOut; r++) {
          int k = r * PATCH;
          float a = z[k + 1] + z[k + 2];
          float b = z[k + 1] - z[k + 2];
          float c = z[k + 3] + z[k + 4];
          float d = z[k + 3] - z[k + 4];
          int dst = plane + (oh + r) * outW + ow;
          if (colsOut == TILE) {
            y[dst] = z[k] + a + c;
            y[dst + 1] = b + 2 * d;
            y[dst + 2] = a + 4 * c;
            y[dst + 3] = b + 8 * d + z[k + 5];
          } else {
            float[] out = {z[k] + a + c, b + 2 * d, a + 4 * c, b + 8 * d + z[k + 5]};
            System.arraycopy(out, 0, y, dst, colsOut);
          }
        }
      }
    }
  }
}
