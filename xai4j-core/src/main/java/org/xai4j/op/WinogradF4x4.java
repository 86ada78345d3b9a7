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
final class WinogradF4x4 extends WinogradTransform {
  static final WinogradF4x4 INSTANCE = new WinogradF4x4();
  private static final int TILE = 4;
  private static final int PATCH = 6;

  private WinogradF4x4() {
    super(TILE, "F(4x4,3x3)");
  }

  @Override
  void kernelTransform(double w0, double w1, double w2, double[] g) {
    g[0] = w0 / 4;
    g[1] = -(w0 + w1 + w2) / 6;
    g[2] = -(w0 - w1 + w2) / 6;
    g[3] = w0 / 24 + w1 / 12 + w2 / 6;
    g[4] = w0 / 24 - w1 / 12 + w2 / 6;
    g[5] = w2;
  }

  /** With the shared terms {@code d4 - 4 d2 +- (d3 - 4 d1)} and {@code d4 - d2 +- 2 (d3 - d1)}. */
  @Override
  void inputRows(float[] p, int r0, int width, int lo, int hi, float[] rows) {
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
  }

  /** With the same shared terms as {@link #inputRows}. */
  @Override
  void inputColumns(float[] rows, int row, int tc0, int tc1, float[] v, int dst, int stride) {
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

  @Override
  int vectorOutput(WinogradVectorLoops loops, float[] prod, int m, int o0, int o1, int width, int t0, int tw,
      int outH, int outW, float[] y, int yOff) {
    return loops.outputF4x4(prod, m, o0, o1, width, t0, tw, outH, outW, y, yOff);
  }

  /** The {@code 4 x 6} block of {@code A^T M}; allocated here, so that the JIT knows its length. */
  @Override
  float[] outputScratch() {
    return new float[TILE * PATCH];
  }

  /**
   * {@code A^T M} per column of the 6x6 product block into {@code scratch} ({@link #productColumns}),
   * then the same per row of the result, with the shared terms {@code m1 +- m2} and {@code m3 +- m4}.
   */
  @Override
  void outputTile(float[] prod, int i0, int stride, float[] y, int dst, int outW, int rowsLeft, int colsLeft,
      float[] z) {
    productColumns(prod, i0, stride, z);
    int rowsOut = Math.min(TILE, rowsLeft);
    for (int r = 0; r < rowsOut; r++) {
      int k = r * PATCH;
      float a = z[k + 1] + z[k + 2];
      float b = z[k + 1] - z[k + 2];
      float c = z[k + 3] + z[k + 4];
      float d = z[k + 3] - z[k + 4];
      int at = dst + r * outW;
      y[at] = z[k] + a + c;
      if (colsLeft > 1) {
        y[at + 1] = b + 2 * d;
      }
      if (colsLeft > 2) {
        y[at + 2] = a + 4 * c;
      }
      if (colsLeft > 3) {
        y[at + 3] = b + 8 * d + z[k + 5];
      }
    }
  }

  /**
   * {@code A^T M} for each of the 6 columns of one tile's products (from {@code prod[i0]}, positions
   * {@code stride} apart) into the {@code 4 x 6} block {@code z}; a method of its own so that the JIT
   * inlines both halves of {@link #outputTile}.
   */
  private static void productColumns(float[] prod, int i0, int stride, float[] z) {
    int block = PATCH * stride;
    for (int j = 0; j < PATCH; j++) {
      int i = i0 + j * stride;
      float m0 = prod[i];
      float m1 = prod[i + block];
      float m2 = prod[i + 2 * block];
      float m3 = prod[i + 3 * block];
      float m4 = prod[i + 4 * block];
      float m5 = prod[i + 5 * block];
      float a = m1 + m2;
      float b = m1 - m2;
      float c = m3 + m4;
      float d = m3 - m4;
      z[j] = m0 + a + c;
      z[PATCH + j] = b + 2 * d;
      z[2 * PATCH + j] = a + 4 * c;
      z[3 * PATCH + j] = b + 8 * d + m5;
    }
  }
}
