package org.xai4j.op;

/**
 * F(2x2, 3x3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural Networks", 2016): 16
 * multiply-adds per 2x2 output tile and channel pair instead of 36 (2.25 times fewer). {@code B}
 * and {@code A} have entries 0 and +-1, {@code G} entries 0, +-1/2 and 1, so the result differs
 * from the direct sum only by the order of the float additions and the rounding of the
 * transformed weight.
 *
 * <pre>
 * B^T = [[1,  0, -1,  0],       G = [[  1,    0,   0],       A^T = [[1, 1,  1,  0],
 *        [0,  1,  1,  0],            [1/2,  1/2, 1/2],              [0, 1, -1, -1]]
 *        [0, -1,  1,  0],            [1/2, -1/2, 1/2],
 *        [0,  1,  0, -1]]            [  0,    0,   1]]
 * </pre>
 */
final class WinogradF2x2 extends WinogradTransform {
  static final WinogradF2x2 INSTANCE = new WinogradF2x2();
  private static final int TILE = 2;

  private WinogradF2x2() {
    super(TILE, "F(2x2,3x3)");
  }

  @Override
  void kernelTransform(double w0, double w1, double w2, double[] g) {
    g[0] = w0;
    g[1] = (w0 + w1 + w2) / 2;
    g[2] = (w0 - w1 + w2) / 2;
    g[3] = w2;
  }

  @Override
  void inputRows(float[] p, int r0, int width, int lo, int hi, float[] rows) {
    int r1 = r0 + width;
    int r2 = r1 + width;
    int r3 = r2 + width;
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
  }

  @Override
  void inputColumns(float[] rows, int row, int tc0, int tc1, float[] v, int dst, int stride) {
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

  @Override
  int vectorInputColumns(WinogradVectorLoops loops, float[] rows, int row, int tc0, int tc1, float[] v, int dst,
      int stride) {
    return loops.inputColumnsF2x2(rows, row, tc0, tc1, v, dst, stride);
  }

  @Override
  int vectorOutput(WinogradVectorLoops loops, float[] prod, int m, int o0, int o1, int width, int t0, int tw,
      int outH, int outW, float[] y, int yOff) {
    return loops.outputF2x2(prod, m, o0, o1, width, t0, tw, outH, outW, y, yOff);
  }

  /** None: {@link #outputTile} keeps its 16 products and 8 partial sums in locals. */
  @Override
  float[] outputScratch() {
    return null;
  }

  /** The rows of {@code A^T M} from the 16 products, then their column combinations. */
  @Override
  void outputTile(float[] prod, int i, int stride, float[] y, int dst, int outW, int rowsLeft, int colsLeft,
      float[] scratch) {
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
    float a0 = m00 + m10 + m20;
    float a1 = m01 + m11 + m21;
    float a2 = m02 + m12 + m22;
    float a3 = m03 + m13 + m23;
    float b0 = m10 - m20 - m30;
    float b1 = m11 - m21 - m31;
    float b2 = m12 - m22 - m32;
    float b3 = m13 - m23 - m33;
    boolean right = colsLeft > 1;
    y[dst] = a0 + a1 + a2;
    if (right) {
      y[dst + 1] = a1 - a2 - a3;
    }
    if (rowsLeft > 1) {
      y[dst + outW] = b0 + b1 + b2;
      if (right) {
        y[dst + outW + 1] = b1 - b2 - b3;
      }
    }
  }
}
