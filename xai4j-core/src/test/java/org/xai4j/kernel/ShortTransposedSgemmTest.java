package org.xai4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A short product with a transposed B ({@code m <= BlockedSgemm.DIRECT_A_MAX_COLS}, alpha 1: a
 * fully connected layer on a small batch) runs as {@code C^T = B * op(A)^T}; its rows must equal,
 * bit for bit, the same rows of a taller product that takes the direct route, for both providers,
 * over several depth blocks and with a beta that reads C.
 */
class ShortTransposedSgemmTest {
  /** Rows of the tall product: above {@link BlockedSgemm#DIRECT_A_MAX_COLS}, so it runs directly. */
  private static final int TALL_ROWS = BlockedSgemm.DIRECT_A_MAX_COLS + 6;

  @ParameterizedTest(name = "transA={0} m={1} n={2} k={3} beta={4}")
  @CsvSource({"false, 1, 300, 600, 0", "false, 8, 257, 300, 0.5", "true, 3, 129, 513, 1", "true, 64, 200, 40, -1"})
  void shortRowsEqualTheDirectRoute(boolean transA, int m, int n, int k, float beta) {
    Random r = new Random(m * 31L + n);
    int ldc = n + 3;
    float[] tallA = SgemmParityTest.random(TALL_ROWS * k, r);
    float[] b = SgemmParityTest.random(n * k, r);
    float[] tallC = SgemmParityTest.random(TALL_ROWS * ldc, r);
    // the first m rows of op(A), laid out for an m-row call
    float[] shortA = new float[m * k];
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        shortA[transA ? p * m + i : i * k + p] = tallA[transA ? p * TALL_ROWS + i : i * k + p];
      }
    }
    List<KernelSupport> providers = new ArrayList<>(List.of(new ScalarKernelSupport()));
    if (ModuleLayer.boot().findModule(KernelProvider.VECTOR_MODULE).isPresent()) {
      providers.add(KernelProvider.loadVector());
    }
    for (KernelSupport s : providers) {
      float[] direct = tallC.clone();
      s.sgemm(transA, true, TALL_ROWS, n, k, 1f, tallA, 0, transA ? TALL_ROWS : k, b, 0, k, beta, direct, 0, ldc);
      float[] viaTranspose = tallC.clone();
      s.sgemm(transA, true, m, n, k, 1f, shortA, 0, transA ? m : k, b, 0, k, beta, viaTranspose, 0, ldc);
      for (int i = 0; i < m; i++) {
        float[] want = Arrays.copyOfRange(direct, i * ldc, i * ldc + n);
        float[] got = Arrays.copyOfRange(viaTranspose, i * ldc, i * ldc + n);
        assertArrayEquals(want, got, s.name() + " row " + i);
      }
      // the padding past n in each row is untouched
      for (int i = 0; i < m; i++) {
        for (int q = n; q < ldc; q++) {
          assertEquals(tallC[i * ldc + q], viaTranspose[i * ldc + q], s.name() + " padding");
        }
      }
    }
  }
}
