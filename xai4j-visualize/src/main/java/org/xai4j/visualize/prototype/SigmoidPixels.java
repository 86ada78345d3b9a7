package org.xai4j.visualize.prototype;

import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Keeps a prototype in the model's valid input range by optimizing an unconstrained parameter u
 * and reading the image as {@code x = low + (high - low) sigmoid(u)}, so every pixel stays strictly
 * inside {@code (low, high)} whatever the optimizer does (no clamping, no projection). The gradient
 * with respect to u is that with respect to x times {@code (high - low) s (1 - s)}, {@code s = sigmoid(u)}.
 * A start image is mapped back by the logit, with pixels moved at most {@link #EDGE} of the range
 * inside it so that the logit stays finite.
 *
 * @param low the smallest valid input value
 * @param high the largest valid input value, greater than low
 */
public record SigmoidPixels(double low, double high) {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** A start pixel is kept at least this fraction of the range away from the bounds. */
  public static final double EDGE = 1e-3;

  /** Validates the range. */
  public SigmoidPixels {
    if (!(high > low) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("the input range needs finite low < high, got [" + low + ", " + high + "]");
    }
  }

  /** The image of a parameter. */
  public Tensor image(Tensor u) {
    float[] p = INTERNALS.array(u);
    float[] x = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      x[i] = (float) (low + (high - low) * sigmoid(p[i]));
    }
    return INTERNALS.adopt(u.shape(), x);
  }

  /** The parameter of an image, its pixels first moved inside {@code [low + EDGE, high - EDGE]} of the range. */
  public Tensor parameter(Tensor image) {
    float[] x = INTERNALS.array(image);
    float[] u = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      double s = Math.min(1 - EDGE, Math.max(EDGE, (x[i] - low) / (high - low)));
      u[i] = (float) Math.log(s / (1 - s));
    }
    return INTERNALS.adopt(image.shape(), u);
  }

  /** The gradient with respect to u from the gradient with respect to the image. */
  public Tensor parameterGradient(Tensor u, Tensor imageGradient) {
    float[] p = INTERNALS.array(u);
    float[] g = INTERNALS.array(imageGradient);
    float[] out = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      double s = sigmoid(p[i]);
      out[i] = (float) (g[i] * (high - low) * s * (1 - s));
    }
    return INTERNALS.adopt(u.shape(), out);
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
