package org.xai4j.explain.extending;

import org.xai4j.op.UnaryElementwiseOp;

/**
 * An op: ONNX {@code Mish} (opset 18), {@code y = x * tanh(softplus(x))}, with the derivative
 * {@code tanh(sp) + x * sigmoid(x) * (1 - tanh(sp)^2)} where {@code sp = softplus(x)}.
 */
public final class Mish extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Mish";
  }

  @Override
  protected float apply(float x) {
    return (float) (x * Math.tanh(softplus(x)));
  }

  @Override
  protected float derivative(float x, float y) {
    double t = Math.tanh(softplus(x));
    double sigmoid = 1 / (1 + Math.exp(-(double) x));
    return (float) (t + x * sigmoid * (1 - t * t));
  }

  /** {@code ln(1 + exp(x))} without overflow. */
  private static double softplus(float x) {
    return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs((double) x)));
  }
}
