package org.xai4j.op;

/**
 * ONNX {@code Dropout} at inference: the identity {@code y = x} with derivative 1. The drop
 * {@code ratio} is kept only so that a graph can be exported again; xai4j explains trained models,
 * so it never drops units (ONNX {@code training_mode} false). The optional {@code mask} output
 * of ONNX is not produced.
 */
public final class Dropout extends UnaryElementwiseOp {
  /** The ONNX default drop ratio. */
  public static final float DEFAULT_RATIO = 0.5f;

  private final float ratio;

  /**
   * Dropout with the given training-time drop ratio.
   *
   * @throws IllegalArgumentException unless {@code 0 <= ratio < 1}
   */
  public Dropout(float ratio) {
    if (!(ratio >= 0f && ratio < 1f)) {
      throw new IllegalArgumentException("Dropout: ratio must be in [0, 1), got " + ratio);
    }
    this.ratio = ratio;
  }

  /** Dropout with the ONNX default ratio {@value #DEFAULT_RATIO}. */
  public Dropout() {
    this(DEFAULT_RATIO);
  }

  /** The training-time drop ratio (ONNX {@code ratio}); unused at inference. */
  public float ratio() {
    return ratio;
  }

  @Override
  public String type() {
    return "Dropout";
  }

  @Override
  protected float apply(float x) {
    return x;
  }

  @Override
  protected float derivative(float x, float y) {
    return 1f;
  }

  @Override
  public String toString() {
    return type() + "(ratio=" + ratio + ")";
  }
}
