package org.xai4j.visualize.density;

import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/** Conversions between batches of samples and the row-major double arrays densities compute on. */
final class Rows {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private Rows() {}

  /** The values of a batch in double precision, one sample per row. */
  static double[] of(Tensor batch) {
    float[] f = INTERNALS.array(batch);
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    return d;
  }

  /**
   * The number of samples of a batch {@code [N, ...]} whose samples have the density's size.
   *
   * @throws IllegalArgumentException naming both shapes otherwise
   */
  static int count(Tensor batch, Density density) {
    if (batch.rank() < 2 || batch.size() != batch.shape().dim(0) * density.dimension()) {
      throw new IllegalArgumentException("a batch of samples of shape " + density.sampleShape() + " ("
          + density.dimension() + " values each) is expected for " + density.describe() + ", got shape "
          + batch.shape());
    }
    return batch.shape().dim(0);
  }

  /** Checks that an array holds {@code n} rows of {@code d} values. */
  static void check(String what, double[] a, int n, int d) {
    if (a.length != (long) n * d) {
      throw new IllegalArgumentException(what + " must hold " + n + " x " + d + " = " + (long) n * d
          + " values, got " + a.length);
    }
  }
}
