package org.xai4j.visualize.param;

import java.util.random.RandomGenerator;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/** Shape checks and random starts shared by the parameterizations. */
final class Images {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private Images() {}

  static void requireImageShape(Shape s) {
    if (s.rank() != 4 || s.size() == 0) {
      throw new IllegalArgumentException("an image parameterization needs a non-empty [N, C, H, W] shape, got " + s);
    }
  }

  static void requireShape(Tensor t, Shape expected, String what) {
    if (!t.shape().equals(expected)) {
      throw new IllegalArgumentException(what + " has shape " + t.shape() + ", expected " + expected);
    }
  }

  static Tensor gaussian(Shape shape, double sd, RandomGenerator random) {
    float[] d = new float[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (random.nextGaussian() * sd);
    }
    return INTERNALS.adopt(shape, d);
  }
}
