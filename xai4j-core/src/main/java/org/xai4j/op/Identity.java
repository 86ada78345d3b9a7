package org.xai4j.op;

/** ONNX {@code Identity}: {@code y = x}, derivative 1. */
public final class Identity extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Identity";
  }

  @Override
  protected float apply(float x) {
    return x;
  }

  @Override
  protected float derivative(float x, float y) {
    return 1f;
  }
}
