package org.xai4j.op;

/**
 * ONNX {@code Equal} with NumPy/ONNX broadcasting; the boolean result is held as float32 1 (equal)
 * or 0. Piecewise constant, so both partial derivatives are 0: a mask computed at run time (for
 * example from the input) passes no gradient, as in PyTorch.
 */
public final class Equal extends BroadcastingBinaryOp {
  @Override
  public String type() {
    return "Equal";
  }

  @Override
  protected float apply(float a, float b) {
    return a == b ? 1f : 0f;
  }

  @Override
  protected float derivativeA(float a, float b, float y) {
    return 0f;
  }

  @Override
  protected float derivativeB(float a, float b, float y) {
    return 0f;
  }
}
