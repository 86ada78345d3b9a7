package org.xai4j.op;

/** ONNX {@code Neg}: {@code y = -x}, derivative {@code -1}. */
public final class Neg extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Neg";
  }

  @Override
  protected float apply(float x) {
    return -x;
  }

  @Override
  protected float derivative(float x, float y) {
    return -1f;
  }
}
