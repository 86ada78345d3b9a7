package org.xai4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A product with a packed left factor is bit for bit the product with the original one (alpha 1),
 * on every path: small plain loops, matrix-vector, and the blocked loop with several depth blocks,
 * row panels and threads; and both equal a naive double-precision loop within the rounding bound.
 */
class PackedMatrixTest {
  private static final double UNIT_ROUNDOFF = 0x1p-24;

  @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4} beta={5}")
  @CsvSource({
      "false, false, 5, 7, 9, 0", // plain loops
      "true, false, 300, 1, 200, 1", // matrix-vector
      "false, false, 64, 392, 576, 0", // blocked, B read in place, one thread
      "true, false, 1031, 67, 300, 0.5", // two row panels (one ragged), depth blocks of 256 and 128
      "false, true, 200, 301, 513, 1", // transposed B, several tiles, threaded
      "true, true, 17, 45, 129, 0"})
  void packedProductEqualsUnpackedBitForBitAndNaiveLoopWithinBound(boolean transA, boolean transB, int m, int n,
      int k, float beta) {
    Random r = new Random(m * 131L + n * 7L + k);
    int lda = (transA ? m : k) + 3;
    int ldb = (transB ? k : n) + 1;
    int ldc = n + 2;
    float[] a = SgemmParityTest.random(2 + (transA ? k : m) * lda, r);
    float[] b = SgemmParityTest.random(1 + (transB ? n : k) * ldb, r);
    float[] c0 = SgemmParityTest.random(4 + m * ldc, r);
    for (KernelSupport s : providers()) {
      PackedMatrix packed = s.pack(transA, m, k, a, 2, lda);
      float[] plain = c0.clone();
      s.sgemm(transA, transB, m, n, k, 1f, a, 2, lda, b, 1, ldb, beta, plain, 4, ldc);
      float[] viaPack = c0.clone();
      s.sgemm(packed, transB, n, b, 1, ldb, beta, viaPack, 4, ldc);
      assertArrayEquals(plain, viaPack, s.name());
      // a packed matrix is reusable: a second product gives the same bits
      float[] again = c0.clone();
      s.sgemm(packed, transB, n, b, 1, ldb, beta, again, 4, ldc);
      assertArrayEquals(viaPack, again, s.name() + " second use");
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          double abs = 0;
          for (int p = 0; p < k; p++) {
            double prod = (double) (transA ? a[2 + p * lda + i] : a[2 + i * lda + p])
                * (transB ? b[1 + j * ldb + p] : b[1 + p * ldb + j]);
            sum += prod;
            abs += Math.abs(prod);
          }
          double old = beta == 0f ? 0 : c0[4 + i * ldc + j];
          double err = Math.abs(viaPack[4 + i * ldc + j] - (sum + beta * old));
          double tol = (k + 2) * UNIT_ROUNDOFF * (abs + Math.abs(beta * old));
          assertTrue(err <= tol, s.name() + ": C[" + i + "][" + j + "] error " + err + " > bound " + tol);
        }
      }
    }
  }

  @ParameterizedTest(name = "m={0}")
  @CsvSource({"40", "3"})
  void packedMatrixOfOtherKernelsIsRefused(int m) {
    List<KernelSupport> all = providers();
    float[] a = new float[m * 50];
    KernelSupport scalar = all.get(0);
    PackedMatrix packed = scalar.pack(false, m, 50, a, 0, 50);
    KernelSupport other = new ScalarKernelSupport();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> other.sgemm(packed, false, 60, new float[50 * 60], 0, 60, 0f, new float[m * 60], 0, 60));
    assertTrue(e.getMessage().contains("made by the scalar kernels"), e.getMessage());
  }

  private static List<KernelSupport> providers() {
    List<KernelSupport> list = new ArrayList<>(List.of(new ScalarKernelSupport()));
    if (ModuleLayer.boot().findModule(KernelProvider.VECTOR_MODULE).isPresent()) {
      list.add(KernelProvider.loadVector());
    }
    return list;
  }
}
