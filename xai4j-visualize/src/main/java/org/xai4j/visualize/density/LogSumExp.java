package org.xai4j.visualize.density;

/** {@code log sum_j exp(a_j)} computed without overflow or underflow, by shifting by the maximum. */
final class LogSumExp {
  private LogSumExp() {}

  /** The log-sum-exp of each row of an n x k row-major matrix. */
  static double[] rows(double[] a, int n, int k) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = of(a, i * k, k);
    }
    return out;
  }

  /** The log-sum-exp of {@code a[offset .. offset + length)}; minus infinity when all are. */
  static double of(double[] a, int offset, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < length; j++) {
      max = Math.max(max, a[offset + j]);
    }
    if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
      return max;
    }
    double s = 0;
    for (int j = 0; j < length; j++) {
      s += Math.exp(a[offset + j] - max);
    }
    return max + Math.log(s);
  }
}
