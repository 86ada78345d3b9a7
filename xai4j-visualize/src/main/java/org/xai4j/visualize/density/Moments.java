package org.xai4j.visualize.density;

/** Means and centring of samples held as rows, for the fitting algorithms. */
final class Moments {
  private Moments() {}

  /** The mean of {@code n} rows of {@code d} values. */
  static double[] mean(double[] x, int n, int d) {
    double[] m = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= n;
    }
    return m;
  }

  /** The rows minus {@code mean}, in a new array. */
  static double[] centre(double[] x, int n, int d, double[] mean) {
    double[] c = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        c[i * d + j] = x[i * d + j] - mean[j];
      }
    }
    return c;
  }

  /** Replaces a d x d matrix by {@code (A + A^T) / 2}, removing the rounding asymmetry of a product. */
  static void symmetrize(double[] a, int d) {
    for (int i = 0; i < d; i++) {
      for (int j = i + 1; j < d; j++) {
        double v = 0.5 * (a[i * d + j] + a[j * d + i]);
        a[i * d + j] = v;
        a[j * d + i] = v;
      }
    }
  }
}
