package org.xai4j.op;

/**
 * Element-wise difference {@code a - b} with NumPy/ONNX broadcasting; the partial derivatives are
 * 1 and -1.
 */
public final class Sub extends BroadcastingBinaryOp {
  @Override
  public String type() {
    return "Sub";
  }

  @Override
  protected float apply(float a, float b) {
    return a - b;
  }

  @Override
  protected float derivativeA(float a, float b, float y) {
    return 1f;
  }

  @Override
  protected float derivativeB(float a, float b, float y) {
    return -1f;
  }
}
