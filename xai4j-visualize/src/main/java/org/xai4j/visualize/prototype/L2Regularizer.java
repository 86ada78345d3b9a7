package org.xai4j.visualize.prototype;

import java.util.Locale;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * {@code -lambda |x - x0|^2}: plain activation maximization's regularizer (Montavon, Samek &amp;
 * Mueller 2018, eq. 3), pulling each prototype towards the anchor x0 (the data mean by default).
 *
 * @param lambda the weight, at least 0
 * @param anchor x0, one sample's shape (no batch axis), or with a batch axis of 1
 */
public record L2Regularizer(double lambda, Tensor anchor) implements Regularizer {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Validates the weight. */
  public L2Regularizer {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("the L2 weight must be finite and >= 0, got " + lambda);
    }
  }

  @Override
  public Term evaluate(Tensor images) {
    int n = images.shape().dim(0);
    int d = anchor.size();
    if (images.size() != n * d) {
      throw new IllegalArgumentException("the L2 anchor has shape " + anchor.shape() + " but the images have shape "
          + images.shape());
    }
    float[] x = INTERNALS.array(images);
    float[] a = INTERNALS.array(anchor);
    float[] g = new float[x.length];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        double diff = x[i * d + j] - a[j];
        s += diff * diff;
        g[i * d + j] = (float) (-2 * lambda * diff);
      }
      values[i] = -lambda * s;
    }
    return new Term(values, INTERNALS.adopt(images.shape(), g));
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "-%g |x - x0|^2", lambda);
  }
}
