package org.xai4j.visualize.density;

import org.xai4j.data.Mnist;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;

/** Real data for the density tests: the bundled MNIST digits, at full size or average-pooled. */
final class Digits {
  private static final Mnist MNIST = Mnist.load();

  private Digits() {}

  /** The first n training digits as a batch [n, 1, 28, 28]. */
  static Tensor train(int n) {
    return MNIST.train().head(n).images();
  }

  /** The first n held-out digits as a batch [n, 1, 28, 28]. */
  static Tensor test(int n) {
    return MNIST.test().head(n).images();
  }

  /** Rows of the first n training digits average-pooled by {@code factor} (28 / factor pixels a side). */
  static double[] pooled(int n, int factor) {
    return pool(train(n), factor);
  }

  /** The sample shape of {@link #pooled}. */
  static Shape pooledShape(int factor) {
    return Shape.of(1, Mnist.SIDE / factor, Mnist.SIDE / factor);
  }

  /** Average-pools a batch of digits. */
  static double[] pool(Tensor digits, int factor) {
    int n = digits.shape().dim(0);
    int side = Mnist.SIDE / factor;
    double[] out = new double[n * side * side];
    for (int i = 0; i < n; i++) {
      for (int r = 0; r < Mnist.SIDE; r++) {
        for (int c = 0; c < Mnist.SIDE; c++) {
          out[(i * side + r / factor) * side + c / factor] += digits.get(i, 0, r, c) / (factor * factor);
        }
      }
    }
    return out;
  }
}
