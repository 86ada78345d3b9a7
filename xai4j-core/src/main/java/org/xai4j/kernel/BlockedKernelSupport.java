package org.xai4j.kernel;

/**
 * A {@link KernelSupport} whose SGEMM is the shared {@link BlockedSgemm} driver around one {@link MicroKernel}: the
 * part that the scalar and the vector implementation share. Subclasses only choose the name and the micro-kernel.
 */
abstract class BlockedKernelSupport implements KernelSupport {
  private final String name;
  private final BlockedSgemm sgemm;

  /** Runs SGEMM through {@link BlockedSgemm} with {@code microKernel}. */
  BlockedKernelSupport(String name, MicroKernel microKernel) {
    this.name = name;
    this.sgemm = new BlockedSgemm(microKernel);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final MicroKernel microKernel() {
    return sgemm.microKernel();
  }

  @Override
  public final void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    sgemm.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }
}
