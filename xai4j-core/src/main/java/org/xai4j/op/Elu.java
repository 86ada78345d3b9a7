package org.xai4j.op;

/**
 * Exponential linear unit as ONNX {@code Elu}: {@code y = x} for {@code x > 0}, else
 * {@code alpha * (exp(x) - 1)}. The derivative is 1 for {@code x > 0} and
 * {@code alpha * exp(x) = y + alpha} for {@code x <= 0} (the left branch at the kink 0, as
 * PyTorch; for {@code alpha = 1} both branches agree there).
 */
public final class Elu extends UnaryElementwiseOp {
  /** The ONNX default scale of the negative branch. */
  public static final float DEFAULT_ALPHA = 1f;

  private final float alpha;

  /** An ELU whose negative branch saturates at {@code -alpha}. */
  public Elu(float alpha) {
    this.alpha = alpha;
  }

  /** An ELU with the ONNX default {@code alpha = }{@value #DEFAULT_ALPHA}. */
  public Elu() {
    this(DEFAULT_ALPHA);
  }

  /** The scale of the negative branch (ONNX attribute {@code alpha}). */
  public float alpha() {
    return alpha;
  }

  @Override
  public String type() {
    return "Elu";
  }

  @Override
  protected float apply(float x) {
    return x > 0f ? x : alpha * (float) Math.expm1(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return x > 0f ? 1f : y + alpha;
  }

  @Override
  public String toString() {
    return type() + "(alpha=" + alpha + ")";
  }
}
