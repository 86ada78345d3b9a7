package org.xai4j.kernel;

import java.util.Arrays;

/**
 * Plain-Java implementation of {@link KernelSupport}: the fallback when the Vector API is absent
 * and the twin every vector kernel is tested against. It uses the shared {@link BlockedSgemm}
 * driver with a row micro-kernel whose inner loop runs along a row of C, which HotSpot's C2
 * auto-vectorizes (about 10-17 GFLOP/s per core on AVX-512).
 */
final class ScalarKernelSupport implements KernelSupport {
  private final BlockedSgemm sgemm = new BlockedSgemm(new RowMicroKernel());

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public MicroKernel microKernel() {
    return sgemm.microKernel();
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    sgemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  /**
   * {@code MR x NR} = 4 x 64: each of the 4 rows accumulates {@code acc[0:64] += a[p] * B[p][0:64]}
   * in a 64-float row (four 512-bit registers once vectorized), four depth steps per pass to cut
   * the loads and stores of the accumulator. {@code KC = 128} keeps the 32 KiB B sliver in L1.
   */
  static final class RowMicroKernel implements MicroKernel {
    private static final int MR = 4;
    private static final int NR = 64;
    private static final int KC = 128;
    /** Depth steps folded into one pass over the accumulator row. */
    private static final int UNROLL = 4;

    @Override
    public int mr() {
      return MR;
    }

    @Override
    public int nr() {
      return NR;
    }

    @Override
    public int kc() {
      return KC;
    }

    @Override
    public void multiply(int kc, float[] a, int aIdx, float[] b, int bIdx, int bStride, float[] c, int cIdx,
        int ldc, float beta) {
      float[] acc = new float[NR];
      for (int r = 0; r < MR; r++) {
        Arrays.fill(acc, 0f);
        int p = 0;
        for (; p + UNROLL <= kc; p += UNROLL) {
          int ai = aIdx + p * MR + r;
          float a0 = a[ai];
          float a1 = a[ai + MR];
          float a2 = a[ai + 2 * MR];
          float a3 = a[ai + 3 * MR];
          int b0 = bIdx + p * bStride;
          int b1 = b0 + bStride;
          int b2 = b1 + bStride;
          int b3 = b2 + bStride;
          for (int j = 0; j < NR; j++) {
            acc[j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
          }
        }
        for (; p < kc; p++) {
          float a0 = a[aIdx + p * MR + r];
          int b0 = bIdx + p * bStride;
          for (int j = 0; j < NR; j++) {
            acc[j] += a0 * b[b0 + j];
          }
        }
        int row = cIdx + r * ldc;
        for (int j = 0; j < NR; j++) {
          c[row + j] = BlockedSgemm.combine(acc[j], c[row + j], beta);
        }
      }
    }
  }
}
