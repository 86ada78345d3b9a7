package org.xai4j.op;

/**
 * Logistic sigmoid as ONNX {@code Sigmoid}: {@code y = 1 / (1 + exp(-x))}, evaluated without
 * overflow for large {@code |x|}; the derivative is {@code y * (1 - y)}.
 */
public final class Sigmoid extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Sigmoid";
  }

  /** The logistic function, shared with {@link Softplus}'s derivative. */
  static float logistic(float x) {
    if (x >= 0f) {
      return (float) (1.0 / (1.0 + Math.exp(-x)));
    }
    double e = Math.exp(x);
    return (float) (e / (1.0 + e));
  }

  @Override
  protected float apply(float x) {
    return logistic(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return y * (1f - y);
  }
}
