package org.xai4j.visualize.density;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.xai4j.kernel.Kernels;

/**
 * The precision of the large matrix products of density evaluation and fitting. Parameters,
 * decompositions (Cholesky), log-determinants, log-sum-exp and every per-sample sum are always in
 * double precision; only the products of data with parameter matrices (whitening, covariance
 * accumulation, hidden-unit inputs) differ:
 *
 * <ul>
 *   <li>{@link #FLOAT32}: xai4j's single-precision SGEMM ({@link Kernels#sgemm}, the kernels the
 *       networks run on), about 20 to 30 times faster than double precision on a 784-dimensional
 *       covariance; relative error about 1e-6. The default for fitting and activation maximization.
 *   <li>{@link #FLOAT64}: EJML's double-precision product, for reference values and the
 *       finite-difference tests.
 * </ul>
 */
public enum Arithmetic {
  /** Products in float32 through xai4j's SGEMM. */
  FLOAT32 {
    @Override
    void multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
      multiply(transA, transB, m, n, k, toFloat(a, m * k), toFloat(b, k * n), c);
    }

    @Override
    void multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, ParameterMatrix b, double[] c) {
      if (b.values().length != k * n) {
        throw new IllegalArgumentException("matrix of " + k * n + " elements expected, got " + b.values().length);
      }
      multiply(transA, transB, m, n, k, toFloat(a, m * k), b.floats(), c);
    }

    private void multiply(boolean transA, boolean transB, int m, int n, int k, float[] fa, float[] fb, double[] c) {
      float[] fc = new float[m * n];
      Kernels.sgemm(transA, transB, m, n, k, 1f, fa, 0, transA ? m : k, fb, 0, transB ? k : n, 0f, fc, 0, n);
      for (int i = 0; i < fc.length; i++) {
        c[i] = fc[i];
      }
    }
  },
  /** Products in float64 through EJML. */
  FLOAT64 {
    @Override
    void multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
      DMatrixRMaj ma = DMatrixRMaj.wrap(transA ? k : m, transA ? m : k, a);
      DMatrixRMaj mb = DMatrixRMaj.wrap(transB ? n : k, transB ? k : n, b);
      DMatrixRMaj mc = DMatrixRMaj.wrap(m, n, c);
      if (transA && transB) {
        CommonOps_DDRM.multTransAB(ma, mb, mc);
      } else if (transA) {
        CommonOps_DDRM.multTransA(ma, mb, mc);
      } else if (transB) {
        CommonOps_DDRM.multTransB(ma, mb, mc);
      } else {
        CommonOps_DDRM.mult(ma, mb, mc);
      }
    }
  };

  /**
   * {@code C = op(A) op(B)} on row-major arrays holding exactly the matrices: op(A) is m x k (A is
   * k x m when {@code transA}), op(B) is k x n, C is m x n and overwritten.
   */
  abstract void multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c);

  /** {@code C = op(A) op(B)} with a constant parameter matrix B, whose float32 copy is kept with it. */
  void multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, ParameterMatrix b, double[] c) {
    multiply(transA, transB, m, n, k, a, b.values(), c);
  }

  /** {@code C = op(A) op(B)} into a new m x n array, with a constant parameter matrix B. */
  final double[] multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, ParameterMatrix b) {
    double[] c = new double[m * n];
    multiply(transA, transB, m, n, k, a, b, c);
    return c;
  }

  /** {@code C = op(A) op(B)} into a new m x n array. */
  final double[] multiply(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b) {
    double[] c = new double[m * n];
    multiply(transA, transB, m, n, k, a, b, c);
    return c;
  }

  private static float[] toFloat(double[] x, int n) {
    if (x.length != n) {
      throw new IllegalArgumentException("matrix of " + n + " elements expected, got an array of " + x.length);
    }
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) x[i];
    }
    return f;
  }
}
