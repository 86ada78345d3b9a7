package org.xai4j.kernel;

/**
 * A {@link KernelSupport} whose SGEMM is the shared {@link BlockedSgemm} driver around one {@link MicroKernel}, with
 * matrix-vector shapes (one row or one column of C, from {@link BlockedSgemm#SMALL_WORK} multiply-adds up) sent to
 * the shared {@link MatVec} driver around one {@link MatVecKernel}: the part that the scalar and the vector
 * implementation share. Subclasses only choose the name and the two inner loops.
 */
abstract class BlockedKernelSupport implements KernelSupport {
  private final String name;
  private final BlockedSgemm sgemm;
  private final MatVec matVec;

  /** Runs SGEMM through {@link BlockedSgemm} with {@code microKernel} and {@link MatVec} with {@code matVecKernel}. */
  BlockedKernelSupport(String name, MicroKernel microKernel, MatVecKernel matVecKernel) {
    this.name = name;
    this.sgemm = new BlockedSgemm(microKernel);
    this.matVec = new MatVec(matVecKernel);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final MatVecKernel matVecKernel() {
    return matVec.kernel();
  }

  @Override
  public final MicroKernel microKernel() {
    return sgemm.microKernel();
  }

  @Override
  public final void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (usesMatVec(m, n, k, alpha)) {
      matVec.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    sgemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  private static boolean usesMatVec(int m, int n, int k, float alpha) {
    return MatVec.applies(m, n) && alpha != 0f && (long) m * n * k >= BlockedSgemm.SMALL_WORK;
  }

  @Override
  public final PackedMatrix pack(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    return new PackedMatrix(this, transA, m, k, a, aOff, lda, sgemm.packWhole(transA, m, k, a, aOff, lda));
  }

  /**
   * The shapes that {@link #sgemm} does not send to the blocked loop (no depth, small, matrix-vector) run
   * exactly as there, on the original A; the others run {@link BlockedSgemm#sgemmPacked}.
   */
  @Override
  public final void sgemm(PackedMatrix a, boolean transB, int n, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (a.packer() != this) {
      throw new IllegalArgumentException("the packed matrix was made by the " + a.packer().name()
          + " kernels, not by these " + name + " kernels");
    }
    int m = a.rows();
    int k = a.depth();
    if (k == 0 || (long) m * n * k < BlockedSgemm.SMALL_WORK || usesMatVec(m, n, k, 1f)) {
      sgemm(a.transA(), transB, m, n, k, 1f, a.a(), a.aOff(), a.lda(), b, bOff, ldb, beta, c, cOff, ldc);
      return;
    }
    sgemm.sgemmPacked(a.packed(), transB, m, n, k, b, bOff, ldb, beta, c, cOff, ldc);
  }
}
