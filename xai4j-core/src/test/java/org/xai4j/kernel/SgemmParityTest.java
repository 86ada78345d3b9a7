package org.xai4j.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both kernel providers against a double-precision reference, and against each other.
 *
 * <p>Tolerance: a float32 sum of k products, in any order, with a final {@code + beta*C}, differs
 * from the exact value by at most {@code (k + 2) u S}, where {@code u = 2^-24} and
 * {@code S = |alpha| sum_p |A_ip B_pj| + |beta C_ij|} (Higham, <i>Accuracy and Stability of
 * Numerical Algorithms</i>, 2nd ed., eq. 3.5 with one more term and one more rounding for alpha).
 * Each provider is held to that bound per element; so the two providers differ by at most twice
 * it. The double reference itself is exact to far better than u.
 */
class SgemmParityTest {
  private static final double UNIT_ROUNDOFF = 0x1p-24;
  /** Sizes around the vector shapes (8 rows, 16 lanes, 32 columns) and the tiles, plus primes. */
  private static final int[] SIZES = {1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 97, 129};
  /** Depths around the depth blocks (128 scalar, 256 vector). */
  private static final int[] DEPTHS = {1, 3, 16, 17, 127, 128, 129, 257, 300};

  static Stream<Arguments> cases() {
    Random r = new Random(42);
    List<Arguments> out = new ArrayList<>();
    float[][] alphaBeta = {{1f, 0f}, {-0.5f, 1f}, {2f, 0.75f}, {1f, -1f}};
    for (int i = 0; i < 48; i++) {
      int m = SIZES[r.nextInt(SIZES.length)];
      int n = SIZES[r.nextInt(SIZES.length)];
      int k = DEPTHS[r.nextInt(DEPTHS.length)];
      float[] ab = alphaBeta[i % alphaBeta.length];
      out.add(Arguments.of(i % 4 >= 2, i % 2 == 1, m, n, k, ab[0], ab[1], i % 3));
    }
    // Large enough for packing panels, several tiles and threads.
    out.add(Arguments.of(false, false, 200, 301, 513, 1f, 0f, 1));
    out.add(Arguments.of(true, true, 131, 257, 259, 1f, 0.5f, 2));
    out.add(Arguments.of(false, true, 1031, 67, 40, -1f, 1f, 0));
    out.add(Arguments.of(true, false, 70, 2100, 33, 1f, 0f, 1));
    // Two row panels (the last one ragged) with A read in place; two column panels with B in place.
    out.add(Arguments.of(false, false, 1031, 45, 40, 1f, 0.5f, 1));
    out.add(Arguments.of(false, false, 37, 2085, 19, 1f, 0f, 2));
    return out.stream();
  }

  @ParameterizedTest(name = "transA={0} transB={1} m={2} n={3} k={4} alpha={5} beta={6} pad={7}")
  @MethodSource("cases")
  void providersMatchReferenceWithinRoundingBound(boolean transA, boolean transB, int m, int n, int k,
      float alpha, float beta, int pad) {
    Problem p = new Problem(transA, transB, m, n, k, alpha, beta, pad, new Random(m * 31L + n * 7L + k));
    double[] bound = new double[m * n];
    double[] ref = p.reference(bound);
    float[] scalar = p.run(new ScalarKernelSupport());
    assertWithinBound("scalar", p, scalar, ref, bound, 1);
    assertPaddingUntouched(p, scalar);
    if (vectorAvailable()) {
      float[] vector = p.run(KernelProvider.loadVector());
      assertWithinBound("vector", p, vector, ref, bound, 1);
      assertPaddingUntouched(p, vector);
      float[] scalarC = p.extract(scalar);
      double[] scalarAsRef = new double[m * n];
      for (int i = 0; i < scalarAsRef.length; i++) {
        scalarAsRef[i] = scalarC[i];
      }
      assertWithinBound("vector vs scalar", p, vector, scalarAsRef, bound, 2);
    }
  }

  @Test
  void overwriteWithBetaZeroIgnoresNaNInC() {
    for (KernelSupport s : providers()) {
      for (int size : new int[] {3, 40}) {
        float[] a = new float[size * size];
        Arrays.fill(a, 1f);
        float[] c = new float[size * size];
        Arrays.fill(c, Float.NaN);
        s.sgemm(false, false, size, size, size, 1f, a, 0, size, a, 0, size, 0f, c, 0, size);
        for (float v : c) {
          assertEquals(size, v, s.name() + " size " + size);
        }
      }
    }
  }

  @Test
  void zeroDepthOrAlphaScalesCByBeta() {
    for (KernelSupport s : providers()) {
      float[] a = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
      float[] c = {1f, 2f, 3f, 4f};
      s.sgemm(false, false, 2, 2, 2, 0f, a, 0, 2, a, 0, 2, 0.5f, c, 0, 2);
      assertArrayEquals(new float[] {0.5f, 1f, 1.5f, 2f}, c, s.name());
      s.sgemm(false, false, 2, 2, 0, 1f, a, 0, 2, a, 0, 2, 0f, c, 0, 2);
      assertArrayEquals(new float[4], c, s.name());
    }
  }

  /**
   * Every C element is summed in an order fixed by the depth blocking alone, so computing C in one
   * call (threaded tiles) or in strips of rows (separate, single-threaded calls) gives identical bits,
   * whether A and B are packed or read in place (strips read B in place; 40 columns read A in place).
   */
  @ParameterizedTest(name = "n={0}")
  @ValueSource(ints = {288, 40})
  void resultDoesNotDependOnTilingOrThreads(int n) {
    int m = 256;
    int k = 300;
    Random r = new Random(5);
    float[] a = random(m * k, r);
    float[] b = random(k * n, r);
    for (KernelSupport s : providers()) {
      float[] whole = new float[m * n];
      s.sgemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, whole, 0, n);
      float[] strips = new float[m * n];
      int strip = 8;
      assertTrue((long) strip * n * k < BlockedSgemm.PARALLEL_WORK, "strips must run single-threaded");
      assertTrue((long) m * n * k >= BlockedSgemm.PARALLEL_WORK, "the whole product must run threaded");
      for (int i = 0; i < m; i += strip) {
        s.sgemm(false, false, strip, n, k, 1f, a, i * k, k, b, 0, n, 0f, strips, i * n, n);
      }
      assertArrayEquals(whole, strips, s.name());
    }
  }

  private static boolean vectorAvailable() {
    boolean present = ModuleLayer.boot().findModule(KernelProvider.VECTOR_MODULE).isPresent();
    if (!present) {
      System.err.println("SgemmParityTest: " + KernelProvider.VECTOR_MODULE
          + " is absent, vector kernels not tested (run with " + KernelProvider.VECTOR_FLAG + ")");
    }
    return present;
  }

  private static List<KernelSupport> providers() {
    List<KernelSupport> list = new ArrayList<>(List.of(new ScalarKernelSupport()));
    if (vectorAvailable()) {
      list.add(KernelProvider.loadVector());
    }
    return list;
  }

  @Test
  void vectorKernelsAreTestedWhenTheModuleIsPresent() {
    assumeTrue(vectorAvailable(), "jdk.incubator.vector absent: run with " + KernelProvider.VECTOR_FLAG);
    assertEquals("vector", KernelProvider.loadVector().name());
  }

  private static void assertWithinBound(String what, Problem p, float[] got, double[] ref, double[] bound,
      int factor) {
    float[] c = p.extract(got);
    double worst = 0;
    for (int i = 0; i < c.length; i++) {
      double err = Math.abs(c[i] - ref[i]);
      double tol = factor * (p.k + 2) * UNIT_ROUNDOFF * bound[i];
      worst = Math.max(worst, err / Math.max(tol, Double.MIN_NORMAL));
      if (!(err <= tol)) {
        throw new AssertionError(what + " " + p + ": C[" + i / p.n + "][" + i % p.n + "] = " + c[i]
            + ", reference " + ref[i] + ", error " + err + " > bound " + tol);
      }
    }
    assertTrue(worst <= 1, what + " worst error/bound " + worst);
  }

  private static void assertPaddingUntouched(Problem p, float[] got) {
    for (int i = 0; i < got.length; i++) {
      int rel = i - p.cOff;
      boolean inside = rel >= 0 && rel / p.ldc < p.m && rel % p.ldc < p.n;
      if (!inside) {
        assertEquals(p.c0[i], got[i], "element " + i + " outside C changed for " + p);
      }
    }
  }

  static float[] random(int size, Random r) {
    float[] x = new float[size];
    for (int i = 0; i < size; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  /** One SGEMM problem with offsets and leading dimensions larger than the rows ({@code pad}). */
  private static final class Problem {
    final boolean transA;
    final boolean transB;
    final int m;
    final int n;
    final int k;
    final float alpha;
    final float beta;
    final int aOff;
    final int lda;
    final int bOff;
    final int ldb;
    final int cOff;
    final int ldc;
    final float[] a;
    final float[] b;
    final float[] c0;

    Problem(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta, int pad, Random r) {
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.alpha = alpha;
      this.beta = beta;
      int aRows = transA ? k : m;
      int aCols = transA ? m : k;
      int bRows = transB ? n : k;
      int bCols = transB ? k : n;
      aOff = 3 * pad;
      lda = aCols + pad;
      bOff = 5 * pad;
      ldb = bCols + 2 * pad;
      cOff = 7 * pad;
      ldc = n + pad;
      a = random(aOff + aRows * lda, r);
      b = random(bOff + bRows * ldb, r);
      c0 = random(cOff + m * ldc + pad, r);
    }

    float[] run(KernelSupport s) {
      float[] c = c0.clone();
      s.sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
      return c;
    }

    double opA(int i, int p) {
      return transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
    }

    double opB(int p, int j) {
      return transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
    }

    /** The exact product in double precision; {@code bound} receives S per element. */
    double[] reference(double[] bound) {
      double[] ref = new double[m * n];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          double abs = 0;
          for (int p = 0; p < k; p++) {
            double prod = opA(i, p) * opB(p, j);
            s += prod;
            abs += Math.abs(prod);
          }
          double old = beta == 0f ? 0 : c0[cOff + i * ldc + j];
          ref[i * n + j] = alpha * s + beta * old;
          bound[i * n + j] = Math.abs(alpha) * abs + Math.abs(beta * old);
        }
      }
      return ref;
    }

    float[] extract(float[] c) {
      float[] out = new float[m * n];
      for (int i = 0; i < m; i++) {
        System.arraycopy(c, cOff + i * ldc, out, i * n, n);
      }
      return out;
    }

    @Override
    public String toString() {
      return "transA=" + transA + " transB=" + transB + " m=" + m + " n=" + n + " k=" + k + " alpha=" + alpha
          + " beta=" + beta + " lda=" + lda + " ldb=" + ldb + " ldc=" + ldc;
    }
  }
}
