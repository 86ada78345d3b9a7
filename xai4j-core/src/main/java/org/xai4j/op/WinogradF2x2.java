package org.xai4j.op;

/**
 * F(2x2, 3x3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2016): 16
 * multiply-adds per 2x2 output tile and channel pair instead of 36 (2.25 times fewer). {@code B}
 * and {@code A} have entries 0 and +-1, {@code G} entries 0, +-1/2 and 1, so the result differs
 * from the direct sum only by the order of the float additions and the rounding of the
 * transformed weight.
 */
final class WinogradF2x2 implements WinogradTransform {
  static final WinogradF2x2 INSTANCE = new WinogradF2x2();
  private static final int TILE = 2;
  private static final int PATCH = 4;
  private static final int KERNEL = Winograd.KERNEL;

  private WinogradF2x2() {}

  @Override
  public int tile() {
    return TILE;
  }

  @Override
  public String name() {
    return "F(2x2,3x3)";
  }

  /** With {@code G = [[1,0,0],[1/2,1/2,1/2],[1/2,-1/2,1/2],[0,0,1]]}. */
  @Override
  public float[] transformWeight(float[] w, int m, int c) {
    float[] u = new float[PATCH * PATCH * m * c];
    double[] gw = new double[PATCH * KERNEL];
    for (int o = 0; o < m; o++) {
      for (int i = 0; i < c; i++) {
        int src = (o * c + i) * KERNEL * KERNEL;
        for (int col = 0; col < KERNEL; col++) {
          double w0 = w[src + col];
          double w1 = w[src + KERNEL + col];
          double w2 = w[src + 2 * KERNEL + col];
          gw[col] = w0;
          gw[KERNEL + col] = (w0 + w1 + w2) / 2;
          gw[2 * KERNEL + col] = (w0 - w1 + w2) / 2;
          gw[3 * KERNEL + col] = w2;
        }
        for (int row = 0; row < PATCH; row++) {
          double w0 = gw[row * KERNEL];
          double w1 = gw[row * KERNEL + 1];
          double w2 = gw[row * KERNEL + 2];
          int dst = (row * PATCH) * m * c + o * c + i;
          u[dst] = (float) w0;
          u[dst + m * c] = (float) ((w0 + w1 + w2) / 2);
          u[dst + 2 * m * c] = (float) ((w0 - w1 + w2) / 2);
          u[dst + 3 * m * c] = (float) w2;
        }
      }
    }
    return u;
  }

  /**
   * With {@code B^T = [[1,0,-1,0],[0,1,1,0],[0,-1,1,0],[0,1,0,-1]]}. The row combinations run over
   * whole padded rows first (unit-stride loops the JIT vectorizes), then the column combinations per
   * tile.
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
      int r1 = r0 + width;
      int r2 = r1 + width;
      int r3 = r2 + width;
      int lo = TILE * tc0;
      int hi = TILE * tc1 + KERNEL - 1;
      for (int j = lo; j < hi; j++) {
        float d0 = p[r0 + j];
        float d1 = p[r1 + j];
        float d2 = p[r2 + j];
        float d3 = p[r3 + j];
        rows[j] = d0 - d2;
        rows[width + j] = d1 + d2;
        rows[2 * width + j] = d2 - d1;
        rows[3 * width + j] = d1 - d3;
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
          v[dst + q] = s0 - s2;
          v[dst + stride + q] = s1 + s2;
          v[dst + 2 * stride + q] = s2 - s1;
          v[dst + 3 * stride + q] = s1 - s3;
        }
      }
      t += tc1 - tc0;
    }
  }

  /** With {@code A^T = [[1,1,1,0],[0,1,-1,-1]]}. */
  @Override
  public void transformOutput(float[] prod, int m, int width, int t0, int tw, int outH, int outW, float[] y,
      int yOff) {
    int area = outH * outW;
    int stride = m * width;
    for (int o = 0; o < m; o++) {
      int src = o * width;
      int plane = yOff + o * area;
      for (int q = 0; q < width; q++) {
        int i = src + q;
        float m00 = prod[i];
        float m01 = prod[i + stride];
        float m02 = prod[i + 2 * stride];
        float m03 = prod[i + 3 * stride];
        float m10 = prod[i + 4 * stride];
        float m11 = prod[i + 5 * stride];
        float m12 = prod[i + 6 * stride];
        float m13 = prod[i + 7 * stride];
        float m20 = prod[i + 8 * stride];
        float m21 = prod[i + 9 * stride];
        float m22 = prod[i + 10 * stride];
        float m23 = prod[i + 11 * stride];
        float m30 = prod[i + 12 * stride];
        float m31 = prod[i + 13 * stride];
        float m32 = prod[i + 14 * stride];
        float m33 = prod[i + 15 * stride];
        // rows of A^T M
        float a0 = m00 + m10 + m20;
        float a1 = m01 + m11 + m21;
        float a2 = m02 + m12 + m22;
        float a3 = m03 + m13 + m23;
        float b0 = m10 - m20 - m30;
        float b1 = m11 - m21 - m31;
        float b2 = m12 - m22 - m32;
        float b3 = m13 - m23 - m33;
        int t = t0 + q;
        int tr = t / tw;
        int oh = TILE * tr;
        int ow = TILE * (t - tr * tw);
        int dst = plane + oh * outW + ow;
        boolean right = ow + 1 < outW;
        y[dst] = a0 + a1 + a2;
        if (right) {
          y[dst + 1] = a1 - a2 - a3;
        }
        if (oh + 1 < outH) {
          y[dst + outW] = b0 + b1 + b2;
          if (right) {
            y[dst + outW + 1] = b1 - b2 - b3;
          }
        }
      }
    }
  }
}
