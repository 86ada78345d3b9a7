package org.xai4j.op;

/** Rectified linear unit, {@code max(0, x)}; the derivative at 0 is taken as 0 (as PyTorch). */
public final class Relu extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Relu";
  }

  @Override
  protected float apply(float x) {
    return x > 0f ? x : 0f;
  }

  @Override
  protected float derivative(float x, float y) {
    return x > 0f ? 1f : 0f;
  }
}
