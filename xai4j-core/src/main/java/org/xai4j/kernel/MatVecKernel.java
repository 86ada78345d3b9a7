package org.xai4j.kernel;

/**
 * The inner loops of matrix-vector products, one implementation per provider; {@link MatVec} runs
 * them over row or column ranges on the kernel threads. Both read the matrix {@code a} in place,
 * row-major with rows {@code lda} apart, and overwrite {@code y}.
 */
interface MatVecKernel {
  /**
   * Rows times a vector: {@code y[yOff + i] = sum_p a[aOff + i*lda + p] * x[p]} for
   * {@code i < rows}, {@code p < depth}. Each row is summed in an order fixed by the
   * implementation (independent of {@code rows}), so splitting the rows does not change a bit.
   */
  void dotRows(int rows, int depth, float[] a, int aOff, int lda, float[] x, float[] y, int yOff);

  /**
   * A vector times rows (the transposed product):
   * {@code y[yOff + j] = sum_p x[p] * a[aOff + p*lda + j]} for {@code j < cols}, {@code p < depth},
   * each column summed over {@code p} in order with one fused multiply-add per step, so every
   * implementation gives the same bits and splitting the columns does not change them.
   */
  void combineRows(int cols, int depth, float[] a, int aOff, int lda, float[] x, float[] y, int yOff);
}
