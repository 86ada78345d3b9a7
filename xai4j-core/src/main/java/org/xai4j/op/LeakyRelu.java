package org.xai4j.op;

/**
 * Leaky rectified linear unit as ONNX {@code LeakyRelu}: {@code y = x} for {@code x > 0}, else
 * {@code alpha * x}. The derivative is 1 for {@code x > 0} and {@code alpha} for {@code x <= 0}
 * (at the kink 0 the left branch is taken, as PyTorch does).
 */
public final class LeakyRelu extends UnaryElementwiseOp {
  /** The ONNX default slope for negative inputs. */
  public static final float DEFAULT_ALPHA = 0.01f;

  private final float alpha;

  /** A leaky ReLU with slope {@code alpha} for negative inputs. */
  public LeakyRelu(float alpha) {
    this.alpha = alpha;
  }

  /** A leaky ReLU with the ONNX default slope {@value #DEFAULT_ALPHA}. */
  public LeakyRelu() {
    this(DEFAULT_ALPHA);
  }

  /** The slope for negative inputs (ONNX attribute {@code alpha}). */
  public float alpha() {
    return alpha;
  }

  @Override
  public String type() {
    return "LeakyRelu";
  }

  @Override
  protected float apply(float x) {
    return x > 0f ? x : alpha * x;
  }

  @Override
  protected float derivative(float x, float y) {
    return x > 0f ? 1f : alpha;
  }

  @Override
  public String toString() {
    return type() + "(alpha=" + alpha + ")";
  }
}
