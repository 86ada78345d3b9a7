package org.xai4j.op;

/**
 * Softplus as ONNX {@code Softplus}: {@code y = ln(1 + exp(x))}, evaluated as
 * {@code max(x, 0) + ln(1 + exp(-|x|))} so that it neither overflows nor loses small values; the
 * derivative is the logistic sigmoid {@code 1 / (1 + exp(-x))}.
 */
public final class Softplus extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Softplus";
  }

  @Override
  protected float apply(float x) {
    return (float) (Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs((double) x))));
  }

  @Override
  protected float derivative(float x, float y) {
    return Sigmoid.logistic(x);
  }
}
