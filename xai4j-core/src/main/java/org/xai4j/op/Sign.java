package org.xai4j.op;

/** ONNX {@code Sign}: -1, 0 or 1; its derivative is 0 everywhere (taken as 0 at the jump, as PyTorch). */
public final class Sign extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Sign";
  }

  @Override
  protected float apply(float x) {
    return Math.signum(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return 0f;
  }
}
