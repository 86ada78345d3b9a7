package org.xai4j.op;

/** Hyperbolic tangent as ONNX {@code Tanh}; the derivative is {@code 1 - y^2}. */
public final class Tanh extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Tanh";
  }

  @Override
  protected float apply(float x) {
    return (float) Math.tanh(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return 1f - y * y;
  }
}
