package org.xai4j.op;

/**
 * Scaled exponential linear unit as ONNX {@code Selu} (Klambauer et al., "Self-Normalizing Neural
 * Networks", 2017): {@code y = gamma * x} for {@code x > 0}, else
 * {@code gamma * alpha * (exp(x) - 1)}. The derivative is {@code gamma} for {@code x > 0} and
 * {@code gamma * alpha * exp(x) = y + gamma * alpha} for {@code x <= 0} (the left branch at the
 * kink 0, as PyTorch).
 */
public final class Selu extends UnaryElementwiseOp {
  /** The ONNX default {@code alpha} (the float32 value of 1.6732632423543772...). */
  public static final float DEFAULT_ALPHA = 1.67326319217681884765625f;

  /** The ONNX default {@code gamma} (the float32 value of 1.0507009873554804...). */
  public static final float DEFAULT_GAMMA = 1.05070102214813232421875f;

  private final float alpha;
  private final float gamma;

  /** A SELU with the given constants. */
  public Selu(float alpha, float gamma) {
    this.alpha = alpha;
    this.gamma = gamma;
  }

  /** A SELU with the ONNX default constants {@link #DEFAULT_ALPHA} and {@link #DEFAULT_GAMMA}. */
  public Selu() {
    this(DEFAULT_ALPHA, DEFAULT_GAMMA);
  }

  /** The scale of the exponential branch (ONNX attribute {@code alpha}). */
  public float alpha() {
    return alpha;
  }

  /** The overall scale (ONNX attribute {@code gamma}). */
  public float gamma() {
    return gamma;
  }

  @Override
  public String type() {
    return "Selu";
  }

  @Override
  protected float apply(float x) {
    return x > 0f ? gamma * x : gamma * alpha * (float) Math.expm1(x);
  }

  @Override
  protected float derivative(float x, float y) {
    return x > 0f ? gamma : y + gamma * alpha;
  }

  @Override
  public String toString() {
    return type() + "(alpha=" + alpha + ", gamma=" + gamma + ")";
  }
}
