package org.xai4j.op;

/**
 * Rectified linear unit, {@code max(0, x)}; the derivative at 0 is taken as 0 and NaN propagates
 * (both as PyTorch).
 */
public final class Relu extends UnaryElementwiseOp {
  @Override
  public String type() {
    return "Relu";
  }

  @Override
  protected float apply(float x) {
    return Math.max(x, 0f);
  }

  @Override
  protected float derivative(float x, float y) {
    return x > 0f ? 1f : 0f;
  }

  /** A monomorphic loop the JIT vectorizes; ReLU is the most frequent activation. */
  @Override
  protected void applyAll(float[] x, float[] y) {
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.max(x[i], 0f);
    }
  }

  @Override
  protected void chainAll(float[] x, float[] y, float[] g, float[] gx) {
    for (int i = 0; i < x.length; i++) {
      gx[i] = x[i] > 0f ? g[i] : 0f;
    }
  }
}
