package org.xai4j.op;

/**
 * ONNX {@code Shrink}: {@code x + bias} for {@code x < -lambd}, {@code x - bias} for
 * {@code x > lambd}, else 0 (soft shrinkage for {@code bias = lambd}, hard shrinkage for
 * {@code bias = 0}). Derivative 1 outside {@code [-lambd, lambd]}, 0 inside.
 */
public final class Shrink extends UnaryElementwiseOp {
  /** The ONNX default of {@code lambd}. */
  public static final float DEFAULT_LAMBD = 0.5f;
  /** The ONNX default of {@code bias}. */
  public static final float DEFAULT_BIAS = 0f;

  private final float lambd;
  private final float bias;

  /** A shrinkage with threshold {@code lambd} and shift {@code bias}. */
  public Shrink(float lambd, float bias) {
    this.lambd = lambd;
    this.bias = bias;
  }

  /** The threshold. */
  public float lambd() {
    return lambd;
  }

  /** The shift applied outside the threshold. */
  public float bias() {
    return bias;
  }

  @Override
  public String type() {
    return "Shrink";
  }

  @Override
  protected float apply(float x) {
    return x < -lambd ? x + bias : x > lambd ? x - bias : 0f;
  }

  @Override
  protected float derivative(float x, float y) {
    return x < -lambd || x > lambd ? 1f : 0f;
  }

  @Override
  public String toString() {
    return "Shrink(lambd=" + lambd + ", bias=" + bias + ")";
  }
}
