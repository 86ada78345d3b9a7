package org.xai4j.op;

/**
 * ONNX {@code Not} on a mask held as float32 (0 is false, anything else true): 1 where the input
 * is 0, else 0. Piecewise constant, so the gradient is 0.
 */
public final class Not extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Not";
  }

  @Override
  protected float apply(float x) {
    return x == 0f ? 1f : 0f;
  }

  @Override
  protected float derivative(float x, float y) {
    return 0f;
  }
}
