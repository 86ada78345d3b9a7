package org.xai4j.op;

/**
 * ONNX {@code HardSigmoid}: {@code y = max(0, min(1, alpha x + beta))}. The derivative is
 * {@code alpha} where {@code 0 < alpha x + beta < 1} and 0 elsewhere (at the two kinks too, as
 * PyTorch's {@code hardsigmoid}). PyTorch's {@code Hardsigmoid} is {@code alpha = 1/6},
 * {@code beta = 1/2}.
 */
public final class HardSigmoid extends UnaryElementwiseOp {
  /** The ONNX default slope. */
  public static final float DEFAULT_ALPHA = 0.2f;
  /** The ONNX default offset. */
  public static final float DEFAULT_BETA = 0.5f;

  private final float alpha;
  private final float beta;

  /** A hard sigmoid with slope {@code alpha} and offset {@code beta}. */
  public HardSigmoid(float alpha, float beta) {
    this.alpha = alpha;
    this.beta = beta;
  }

  /** The hard sigmoid with the ONNX defaults. */
  public HardSigmoid() {
    this(DEFAULT_ALPHA, DEFAULT_BETA);
  }

  /** The slope (ONNX {@code alpha}). */
  public float alpha() {
    return alpha;
  }

  /** The offset (ONNX {@code beta}). */
  public float beta() {
    return beta;
  }

  @Override
  public String type() {
    return "HardSigmoid";
  }

  @Override
  protected float apply(float x) {
    return Math.max(0f, Math.min(1f, alpha * x + beta));
  }

  @Override
  protected float derivative(float x, float y) {
    float z = alpha * x + beta;
    return z > 0f && z < 1f ? alpha : 0f;
  }

  @Override
  public String toString() {
    return type() + "(alpha=" + alpha + ", beta=" + beta + ")";
  }
}
