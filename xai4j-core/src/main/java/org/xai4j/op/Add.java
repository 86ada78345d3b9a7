package org.xai4j.op;

/** Element-wise sum {@code a + b} with NumPy/ONNX broadcasting; both partial derivatives are 1. */
public final class Add extends BroadcastingBinaryOp {
  @Override
  public String type() {
    return "Add";
  }

  @Override
  protected float apply(float a, float b) {
    return a + b;
  }

  @Override
  protected float derivativeA(float a, float b, float y) {
    return 1f;
  }

  @Override
  protected float derivativeB(float a, float b, float y) {
    return 1f;
  }
}
