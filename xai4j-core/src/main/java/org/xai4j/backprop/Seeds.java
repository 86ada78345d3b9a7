package org.xai4j.backprop;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Builders for the signal that starts a reverse pass at a {@code [N, ...]} value, one target per
 * batch entry.
 */
public final class Seeds {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private Seeds() {}

  /**
   * A one-hot seed: for every sample {@code n}, {@code scale} at flat position {@code targets[n]}
   * of that sample's slice (a class index for logits), zero elsewhere.
   */
  public static Tensor oneHot(Shape shape, int[] targets, float scale) {
    float[] d = new float[shape.size()];
    int per = perSample(shape, targets);
    for (int n = 0; n < targets.length; n++) {
      d[n * per + checkTarget(targets[n], per, shape)] = scale;
    }
    return INTERNALS.adopt(shape, d);
  }

  private static int perSample(Shape shape, int[] targets) {
    if (shape.rank() < 1 || shape.dim(0) != targets.length) {
      throw new IllegalArgumentException(
          targets.length + " targets given for a value of shape " + shape + " (one per batch entry needed)");
    }
    return shape.product(1, shape.rank());
  }

  private static int checkTarget(int t, int per, Shape shape) {
    if (t < 0 || t >= per) {
      throw new IllegalArgumentException("target " + t + " is outside [0, " + per + ") for shape " + shape);
    }
    return t;
  }
}
