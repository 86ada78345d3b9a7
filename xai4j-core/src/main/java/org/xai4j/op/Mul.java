package org.xai4j.op;

/**
 * Element-wise product {@code a * b} with NumPy/ONNX broadcasting; the partial derivatives are
 * {@code b} and {@code a}.
 */
public final class Mul extends BroadcastingBinaryOp {
  @Override
  public String type() {
    return "Mul";
  }

  @Override
  protected float apply(float a, float b) {
    return a * b;
  }

  @Override
  protected float derivativeA(float a, float b, float y) {
    return b;
  }

  @Override
  protected float derivativeB(float a, float b, float y) {
    return a;
  }
}
