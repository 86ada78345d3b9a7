package org.xai4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix-vector path ({@link MatVec}, one row or column of C) of both providers against a naive
 * double-precision triple loop and against the blocked driver it bypasses, with the rounding bound
 * of {@link SgemmParityTest}: {@code (k + 2) u S} per element, {@code S} the sum of the magnitudes.
 */
class MatVecTest {
  private static final double UNIT_ROUNDOFF = 0x1p-24;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    // [m, n, k]: depths around the 16-lane, 64-element vector steps, odd output counts; the last two are threaded
    int[][] shapes = {{1, 129, 300}, {1, 1, 40000}, {257, 1, 129}, {1, 33, 1031}, {65, 1, 1009}, {1, 3, 11001},
        {1, 1031, 1100}, {1100, 1, 1031}};
    float[][] alphaBeta = {{1f, 0f}, {-0.5f, 1f}, {2f, 0.75f}, {1f, -1f}};
    int i = 0;
    for (int[] s : shapes) {
      for (int t = 0; t < 4; t++, i++) {
        float[] ab = alphaBeta[i % alphaBeta.length];
        out.add(Arguments.of(t >= 2, t % 2 == 1, s[0], s[1], s[2], ab[0], ab[1], i % 3));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4} alpha={5} beta={6} pad={7}")
  @MethodSource("cases")
  void matchesNaiveLoopAndBlockedDriverWithinRoundingBound(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float beta, int pad) {
    assertTrue(MatVec.applies(m, n) && (long) m * n * k >= BlockedSgemm.SMALL_WORK, "must take the matrix-vector path");
    Random r = new Random(m * 31L + n * 7L + k);
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    int lda = aCols + pad;
    int ldb = bCols + 2 * pad;
    int ldc = n + pad;
    int aOff = 3 * pad;
    int bOff = 5 * pad;
    int cOff = 7 * pad;
    float[] a = SgemmParityTest.random(aOff + aRows * lda, r);
    float[] b = SgemmParityTest.random(bOff + bRows * ldb, r);
    float[] c0 = SgemmParityTest.random(cOff + m * ldc + pad, r);
    double[] ref = new double[m * n];
    double[] bound = new double[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        double abs = 0;
        for (int p = 0; p < k; p++) {
          double prod = (double) (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p])
              * (transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j]);
          s += prod;
          abs += Math.abs(prod);
        }
        double old = beta == 0f ? 0 : c0[cOff + i * ldc + j];
        ref[i * n + j] = alpha * s + beta * old;
        bound[i * n + j] = Math.abs(alpha) * abs + Math.abs(beta * old);
      }
    }
    for (BlockedKernelSupport s : providers()) {
      float[] c = c0.clone();
      s.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      float[] blocked = c0.clone();
      new BlockedSgemm(s.microKernel())
          .sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, blocked, cOff, ldc);
      for (int i = 0; i < c.length; i++) {
        int rel = i - cOff;
        boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
        if (!inside) {
          assertTrue(c[i] == c0[i], s.name() + ": element " + i + " outside C changed");
          continue;
        }
        int e = rel / ldc * n + rel % ldc;
        double tol = (k + 2) * UNIT_ROUNDOFF * bound[e];
        assertTrue(Math.abs(c[i] - ref[e]) <= tol, s.name() + ": C[" + e + "] = " + c[i] + ", naive loop "
            + ref[e] + ", bound " + tol);
        assertTrue(Math.abs(c[i] - blocked[i]) <= 2 * tol, s.name() + ": C[" + e + "] = " + c[i]
            + ", blocked driver " + blocked[i] + ", bound " + 2 * tol);
      }
    }
  }

  /** Hand-computed: [1 2 3; 4 5 6] times [1 0 -1] gives [-2 -2]; [1 1] times it gives [5 7 9]. */
  @Test
  void smallProductsMatchHandComputedValues() {
    float[] a = {1, 2, 3, 4, 5, 6};
    for (BlockedKernelSupport s : providers()) {
      MatVecKernel k = s.matVecKernel();
      float[] y = new float[2];
      k.dotRows(2, 3, a, 0, 3, new float[] {1, 0, -1}, y, 0);
      assertArrayEquals(new float[] {-2, -2}, y, s.name());
      float[] z = new float[3];
      k.combineRows(3, 2, a, 0, 3, new float[] {1, 1}, z, 0);
      assertArrayEquals(new float[] {5, 7, 9}, z, s.name());
    }
  }

  /**
   * Each output is summed in a fixed order: a product computed whole (on all kernel threads)
   * equals the same product computed one output at a time, bit for bit; and the combination of
   * rows, being one fused multiply-add per step in order, is bit-identical across providers.
   */
  @Test
  void resultDoesNotDependOnSplitAndCombinationMatchesAcrossProviders() {
    int rows = 1100;
    int depth = 1031;
    assertTrue((long) rows * depth >= BlockedSgemm.PARALLEL_WORK, "the whole product must run threaded");
    Random r = new Random(9);
    float[] a = SgemmParityTest.random(rows * depth, r);
    float[] x = SgemmParityTest.random(Math.max(rows, depth), r);
    float[] first = null;
    for (BlockedKernelSupport s : providers()) {
      // C[rows x 1] = A x (dot form) and C[1 x depth] = x^T A (combination form)
      float[] dotWhole = new float[rows];
      s.sgemm(false, false, rows, 1, depth, 1f, a, 0, depth, x, 0, 1, 0f, dotWhole, 0, 1);
      float[] combWhole = new float[depth];
      s.sgemm(false, false, 1, depth, rows, 1f, x, 0, rows, a, 0, depth, 0f, combWhole, 0, depth);
      MatVecKernel k = s.matVecKernel();
      float[] dotOne = new float[rows];
      for (int i = 0; i < rows; i++) {
        k.dotRows(1, depth, a, i * depth, depth, x, dotOne, i);
      }
      float[] combOne = new float[depth];
      for (int j = 0; j < depth; j++) {
        k.combineRows(1, rows, a, j, depth, x, combOne, j);
      }
      assertArrayEquals(dotOne, dotWhole, s.name() + " dot");
      assertArrayEquals(combOne, combWhole, s.name() + " combination");
      if (first == null) {
        first = combWhole;
      } else {
        assertArrayEquals(first, combWhole, s.name() + " combination vs scalar");
      }
    }
  }

  private static List<BlockedKernelSupport> providers() {
    List<BlockedKernelSupport> list = new ArrayList<>(List.of(new ScalarKernelSupport()));
    if (ModuleLayer.boot().findModule(KernelProvider.VECTOR_MODULE).isPresent()) {
      list.add((BlockedKernelSupport) KernelProvider.loadVector());
    }
    return list;
  }
}
