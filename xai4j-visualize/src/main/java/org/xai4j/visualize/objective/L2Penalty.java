package org.xai4j.visualize.objective;

import java.util.Map;
import org.xai4j.tensor.Tensor;

/**
 * Lucid's {@code L2}: {@code sqrt(epsilon + sum (x - constant)^2)} over the whole batch of images
 * (not per image; per item the image's own norm), {@code epsilon = 1e-6}.
 *
 * @param constant the value the image is pulled towards (Lucid's default 0)
 */
final class L2Penalty extends ImagePenalty {
  /** Lucid's default epsilon under the square root. */
  static final double EPSILON = 1e-6;
  private final double constant;

  L2Penalty(double constant) {
    this.constant = constant;
  }

  @Override
  public ObjectiveValue evaluate(Activations a) {
    ObjectiveValue squares = super.evaluate(a);
    double sumSquares = 0;
    for (double v : squares.perItem()) {
      sumSquares += v;
    }
    double norm = Math.sqrt(EPSILON + sumSquares);
    // item() left (x - c) in the gradient slots: d norm / dx = (x - c) / norm.
    Tensor g = squares.imageGradient().mul((float) (1 / norm));
    double[] perItem = squares.perItem();
    for (int n = 0; n < perItem.length; n++) {
      perItem[n] = Math.sqrt(EPSILON + perItem[n]);
    }
    return new ObjectiveValue(norm, perItem, Map.of(), g);
  }

  /** The sum of squares of one image; stores {@code x - constant} in g. */
  @Override
  double item(float[] x, float[] g, int offset, int channels, int height, int width) {
    double s = 0;
    for (int i = offset; i < offset + channels * height * width; i++) {
      double d = x[i] - constant;
      s += d * d;
      g[i] = (float) d;
    }
    return s;
  }

  @Override
  public String description() {
    return constant == 0 ? "l2" : "l2(" + constant + ")";
  }
}
