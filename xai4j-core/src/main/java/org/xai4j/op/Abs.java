package org.xai4j.op;

/** ONNX {@code Abs}: {@code y = |x|}; derivative {@code sign(x)}, taken as 0 at 0 (as PyTorch). */
public final class Abs extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Abs";
  }

  @Override
  protected float apply(float x) {
    return Math.abs(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return Math.signum(x);
  }
}
