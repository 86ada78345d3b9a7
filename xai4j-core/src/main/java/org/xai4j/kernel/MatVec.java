package org.xai4j.kernel;

/**
 * SGEMM with one row or one column of C ({@code m == 1} or {@code n == 1}): a matrix-vector
 * product, as in a fully connected layer at batch 1 and its input gradient. Such a product is
 * bound by reading the matrix once (VGG-16's first classifier layer is 411 MB) and does one
 * multiply-add per matrix element, so the blocked driver's packing and its {@code mr x nr}
 * register block (all but one of its rows or columns wasted) are skipped: the vector (one row of
 * op(A) or one column of op(B)) is copied to a contiguous array and the matrix is read in place by
 * a {@link MatVecKernel}, either row by row ({@link MatVecKernel#dotRows}, when the matrix is
 * stored with the product's depth along its rows) or as a sum of its rows
 * ({@link MatVecKernel#combineRows}, when the depth runs down its columns).
 *
 * <p>Threads split the outputs into disjoint contiguous ranges and each output is summed by one
 * thread in a fixed order, so the result does not depend on the thread count. The finish is
 * {@code C = alpha * sum + beta * C}, rounded as in {@link BlockedSgemm#combine}.
 */
final class MatVec {
  /** Output ranges per kernel thread, so that a thread slowed by other work can be helped. */
  static final int TASKS_PER_THREAD = 4;

  private final MatVecKernel kernel;

  MatVec(MatVecKernel kernel) {
    this.kernel = kernel;
  }

  /** The inner loops this driver runs. */
  MatVecKernel kernel() {
    return kernel;
  }

  /** Whether {@link #sgemm} handles this shape: C is a single row or a single column. */
  static boolean applies(int m, int n) {
    return m == 1 || n == 1;
  }

  /** See {@link KernelSupport#sgemm}; arguments are trusted and {@link #applies} holds. */
  void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    float[] x = new float[k];
    boolean rowsOfA = n == 1;
    if (rowsOfA) {
      // x = column 0 of op(B); the matrix is A
      for (int p = 0; p < k; p++) {
        x[p] = transB ? b[bOff + p] : b[bOff + p * ldb];
      }
    } else {
      // x = row 0 of op(A); the matrix is B, and C^T = op(B)^T x
      for (int p = 0; p < k; p++) {
        x[p] = transA ? a[aOff + p * lda] : a[aOff + p];
      }
    }
    int outputs = rowsOfA ? m : n;
    float[] mat = rowsOfA ? a : b;
    int off = rowsOfA ? aOff : bOff;
    int ld = rowsOfA ? lda : ldb;
    // the depth runs along the stored rows for A as is and for a transposed B
    boolean depthAlongRows = rowsOfA ? !transA : transB;
    float[] y = new float[outputs];
    int tasks = (long) outputs * k >= BlockedSgemm.PARALLEL_WORK
        ? Math.min(outputs, TASKS_PER_THREAD * Parallelism.threads()) : 1;
    Parallelism.forEach(tasks, t -> {
      int from = (int) ((long) outputs * t / tasks);
      int to = (int) ((long) outputs * (t + 1) / tasks);
      if (depthAlongRows) {
        kernel.dotRows(to - from, k, mat, off + from * ld, ld, x, y, from);
      } else {
        kernel.combineRows(to - from, k, mat, off + from, ld, x, y, from);
      }
    });
    int step = rowsOfA ? ldc : 1;
    for (int i = 0; i < outputs; i++) {
      int ci = cOff + i * step;
      c[ci] = BlockedSgemm.combine(alpha * y[i], c[ci], beta);
    }
  }
}
