package org.xai4j.kernel;

/**
 * The innermost SGEMM loop: one {@code mr x nr} block of C from a packed sliver of A and a packed
 * sliver of B (layouts in {@link BlockedSgemm}). Each provider supplies one; the blocking, packing
 * and threading around it are shared.
 */
interface MicroKernel {
  /** Rows of C per call; A slivers hold {@code mr} values per depth step. */
  int mr();

  /** Columns of C per call; B slivers hold {@code nr} values per depth step. */
  int nr();

  /** Depth block: the largest {@code kc} per call, chosen so that one B sliver stays in L1. */
  int kc();

  /**
   * {@code C[0:mr, 0:nr] = sum_p A[p] (x) B[p] + beta * C}, with the sum over {@code p} taken in
   * an order fixed by the implementation; {@code beta == 0} overwrites C without reading it.
   * Combining with C must round as {@link BlockedSgemm#combine} does, so that blocks on ragged
   * edges (computed into scratch and merged) round like the others.
   *
   * @param kc depth, {@code 1 <= kc <= kc()}
   * @param a A, packed or not: {@code a[aIdx + r * aRowStride + p * aDepthStride]} is row r at depth p
   * @param aRowStride distance between rows in {@code a}: 1 when packed, the leading dimension
   *     when A is read in place
   * @param aDepthStride distance between depth steps in {@code a}: {@code mr} when packed, 1 when
   *     A is read in place
   * @param b B, packed or not: {@code b[bIdx + p * bStride + q]} is column q at depth p
   * @param bStride distance between depth steps in {@code b}: {@code nr} when packed, the
   *     leading dimension when B is read in place
   * @param c the output block starts at {@code c[cIdx]}, rows {@code ldc} apart
   */
  void multiply(int kc, float[] a, int aIdx, int aRowStride, int aDepthStride, float[] b, int bIdx, int bStride,
      float[] c, int cIdx, int ldc, float beta);
}
