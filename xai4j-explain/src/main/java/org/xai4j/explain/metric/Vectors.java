package org.xai4j.explain.metric;

import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/** Per-sample views and norms used by several metrics (double accumulation). */
final class Vectors {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private Vectors() {}

  /** Each sample of {@code [N, ...]} flattened to doubles. */
  static double[][] perSample(Tensor t) {
    if (t.rank() < 1) {
      throw new IllegalArgumentException("expected a batch [N, ...], got " + t.shape());
    }
    int n = t.shape().dim(0);
    int per = n == 0 ? 0 : t.size() / n;
    float[] d = INTERNALS.array(t);
    double[][] out = new double[n][per];
    for (int b = 0; b < n; b++) {
      for (int i = 0; i < per; i++) {
        out[b][i] = d[b * per + i];
      }
    }
    return out;
  }

  /** {@code sum |a_i - b_i|^p}^(1/p) for p = 1 or 2. */
  static double distance(double[] a, double[] b, int p) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      s += p == 1 ? d : d * d;
    }
    return p == 1 ? s : Math.sqrt(s);
  }

  /** The Euclidean norm. */
  static double norm2(double[] a) {
    return distance(a, new double[a.length], 2);
  }

  /** The mean of the values. */
  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }
}
