package org.xai4j.op;

/** ONNX {@code Exp}: {@code y = e^x}, derivative {@code y}. */
public final class Exp extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Exp";
  }

  @Override
  protected float apply(float x) {
    return (float) Math.exp(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return y;
  }
}
