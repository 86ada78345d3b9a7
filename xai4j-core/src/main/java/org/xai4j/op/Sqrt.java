package org.xai4j.op;

/** ONNX {@code Sqrt}: {@code y = sqrt(x)}, derivative {@code 1 / (2 y)} (infinite at 0, NaN below). */
public final class Sqrt extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Sqrt";
  }

  @Override
  protected float apply(float x) {
    return (float) Math.sqrt(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return 0.5f / y;
  }
}
