package org.xai4j.op;

/**
 * Element-wise quotient {@code a / b} with NumPy/ONNX broadcasting (IEEE 754 float division, so a
 * zero divisor gives an infinity or NaN as in ONNX Runtime); the partial derivatives are
 * {@code 1 / b} and {@code -a / b^2 = -y / b}.
 */
public final class Div extends BroadcastingBinaryOp {
  @Override
  public String type() {
    return "Div";
  }

  @Override
  protected float apply(float a, float b) {
    return a / b;
  }

  @Override
  protected float derivativeA(float a, float b, float y) {
    return 1f / b;
  }

  @Override
  protected float derivativeB(float a, float b, float y) {
    return -y / b;
  }
}
