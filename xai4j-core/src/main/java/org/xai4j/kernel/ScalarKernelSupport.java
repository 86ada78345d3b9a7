package org.xai4j.kernel;

/** Plain-Java reference implementation of {@link KernelSupport}; the twin every vector kernel is tested against. */
final class ScalarKernelSupport implements KernelSupport {
  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    float[] row = new float[n];
    for (int i = 0; i < m; i++) {
      java.util.Arrays.fill(row, 0f);
      for (int p = 0; p < k; p++) {
        float av = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        if (av == 0f) {
          continue;
        }
        if (transB) {
          for (int j = 0; j < n; j++) {
            row[j] += av * b[bOff + j * ldb + p];
          }
        } else {
          int bRow = bOff + p * ldb;
          for (int j = 0; j < n; j++) {
            row[j] += av * b[bRow + j];
          }
        }
      }
      int cRow = cOff + i * ldc;
      for (int j = 0; j < n; j++) {
        c[cRow + j] = beta == 0f ? alpha * row[j] : alpha * row[j] + beta * c[cRow + j];
      }
    }
  }
}
