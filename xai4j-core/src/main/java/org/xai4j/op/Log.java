package org.xai4j.op;

/** ONNX {@code Log}: natural logarithm {@code y = ln x}, derivative {@code 1 / x}. */
public final class Log extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Log";
  }

  @Override
  protected float apply(float x) {
    return (float) Math.log(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return 1f / x;
  }
}
