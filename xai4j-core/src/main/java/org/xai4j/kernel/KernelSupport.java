package org.xai4j.kernel;

/**
 * The hot loops behind {@link Kernels}, over plain arrays and offsets. Implementations trust their
 * arguments: {@link Kernels} checks them first.
 */
interface KernelSupport {
  /** A short name for diagnostics and provenance ("scalar", "vector"). */
  String name();

  /** The SGEMM micro-kernel, exposed for the start-up {@link ThroughputCheck}. */
  MicroKernel microKernel();

  /** The matrix-vector inner loops, exposed for the start-up warm-up in {@link ThroughputCheck}. */
  MatVecKernel matVecKernel();

  /**
   * Row-major {@code C = alpha * op(A) * op(B) + beta * C} with {@code op(A)} of shape m x k and
   * {@code op(B)} of shape k x n. When {@code beta == 0}, C is overwritten (NaNs in C are ignored).
   */
  void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc);

  /** op(A) (m x k) packed for the {@code sgemm} overload that takes a {@link PackedMatrix}. */
  PackedMatrix pack(boolean transA, int m, int k, float[] a, int aOff, int lda);

  /**
   * {@code C = A * op(B) + beta * C} with A packed by this support; bit for bit
   * {@link #sgemm} on A's original array with alpha 1.
   */
  void sgemm(PackedMatrix a, boolean transB, int n, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc);
}
