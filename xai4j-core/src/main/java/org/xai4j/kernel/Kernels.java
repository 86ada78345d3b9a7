package org.xai4j.kernel;

import java.lang.invoke.MethodHandles;

/**
 * The public entry to xai4j's numeric kernels. Arguments are checked here, with messages naming
 * the offending sizes; the selected {@link KernelSupport} then runs without further checks.
 *
 * <p>Two implementations exist: {@code vector} (the JDK Vector API, needing the JVM flag
 * {@code --add-modules=jdk.incubator.vector}) and {@code scalar} (plain Java, about a fifth of the
 * speed). The system property {@value #PROVIDER_PROPERTY} = {@code auto} (default),
 * {@code vector} or {@code scalar} chooses once per JVM; {@code auto} takes the vector kernels when
 * the module is present and a short start-up throughput check passes, and otherwise logs one
 * warning saying why. Both are multi-threaded over {@link Parallelism} and deterministic: results
 * do not depend on the thread count.
 */
public final class Kernels {
  /** System property choosing the kernels: {@code auto}, {@code vector} or {@code scalar}. */
  public static final String PROVIDER_PROPERTY = "xai4j.kernels";

  private Kernels() {}

  /**
   * The name of the kernel implementation in use, {@code "vector"} or {@code "scalar"}; the first
   * call makes the choice.
   *
   * @throws IllegalArgumentException when {@value #PROVIDER_PROPERTY} is invalid or asks for vector
   *     kernels that cannot be loaded
   */
  public static String provider() {
    return KernelProvider.support().name();
  }

  /**
   * For xai4j's own ops: a new instance of {@code className}, a class of the vector source root
   * ({@code src/main/java-vector}) implementing {@code type}, made by its no-argument constructor
   * as {@code lookup} (the caller's, so that the class may be package-private) may call it, when the
   * vector kernels are in use ({@link #provider()} is {@code "vector"}); null when the scalar kernels
   * are, and then the class is never loaded.
   *
   * @throws IllegalStateException when the vector kernels are in use but the class cannot be loaded
   */
  public static <T> T vectorImplementation(MethodHandles.Lookup lookup, Class<T> type, String className) {
    return "vector".equals(provider()) ? KernelProvider.instantiate(lookup, type, className) : null;
  }

  /**
   * Single-precision matrix product on row-major arrays:
   * {@code C = alpha * op(A) * op(B) + beta * C}, where {@code op(X)} is X or its transpose,
   * {@code op(A)} is m x k, {@code op(B)} is k x n and C is m x n. With {@code beta == 0} the old
   * contents of C are ignored.
   */
  public static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
      float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("sgemm sizes must be non-negative: m=" + m + " n=" + n + " k=" + k);
    }
    checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
    checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    checkMatrix("C", c, cOff, ldc, m, n);
    if (m == 0 || n == 0) {
      return;
    }
    KernelProvider.support().sgemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  /**
   * Packs the left factor op(A) (m x k; A itself is k x m when {@code transA}) for repeated
   * products with {@link #sgemm(PackedMatrix, boolean, int, float[], int, int, float, float[], int, int)}.
   * The array {@code a} must not change while the result is in use.
   */
  public static PackedMatrix pack(boolean transA, int m, int k, float[] a, int aOff, int lda) {
    if (m < 0 || k < 0) {
      throw new IllegalArgumentException("pack sizes must be non-negative: m=" + m + " k=" + k);
    }
    checkMatrix("A", a, aOff, lda, transA ? k : m, transA ? m : k);
    return KernelProvider.support().pack(transA, m, k, a, aOff, lda);
  }

  /**
   * {@code C = A * op(B) + beta * C} with A packed by {@link #pack}: op(B) is
   * {@code a.depth() x n} and C is {@code a.rows() x n}. Bit for bit the same as the unpacked
   * {@code sgemm} on the original A with alpha 1.
   */
  public static void sgemm(PackedMatrix a, boolean transB, int n, float[] b, int bOff, int ldb,
      float beta, float[] c, int cOff, int ldc) {
    int m = a.rows();
    int k = a.depth();
    if (n < 0) {
      throw new IllegalArgumentException("sgemm sizes must be non-negative: n=" + n);
    }
    checkMatrix("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    checkMatrix("C", c, cOff, ldc, m, n);
    if (m == 0 || n == 0) {
      return;
    }
    KernelProvider.support().sgemm(a, transB, n, b, bOff, ldb, beta, c, cOff, ldc);
  }

  private static void checkMatrix(String name, float[] x, int off, int ld, int rows, int cols) {
    if (rows == 0 || cols == 0) {
      return;
    }
    if (ld < cols) {
      throw new IllegalArgumentException("sgemm: leading dimension of " + name + " is " + ld
          + ", less than its " + cols + " columns");
    }
    long last = (long) off + (long) (rows - 1) * ld + cols;
    if (off < 0 || last > x.length) {
      throw new IllegalArgumentException("sgemm: " + name + " (" + rows + " x " + cols + ", offset "
          + off + ", leading dimension " + ld + ") needs " + last + " elements, array has " + x.length);
    }
  }
}
