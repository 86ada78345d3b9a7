package org.xai4j.op;

/**
 * Clamping as ONNX {@code Clip}: {@code y = min(max(x, min), max)}; when {@code min > max} every
 * output is {@code max}, as the ONNX specification says. Since opset 11 ONNX passes the bounds as
 * inputs; the importer folds constant bounds into these attributes.
 *
 * <p>Derivative convention: 1 where {@code min <= x <= max} (the bounds included, as PyTorch's
 * {@code clamp}), 0 elsewhere. So a value sitting exactly on a bound still passes its gradient,
 * and with {@code min > max} no gradient passes.
 */
public final class Clip extends UnaryElementwiseOp {
  private final float min;
  private final float max;

  /**
   * A clamp to {@code [min, max]}; use {@link Float#NEGATIVE_INFINITY} or
   * {@link Float#POSITIVE_INFINITY} for a missing bound.
   *
   * @throws IllegalArgumentException if a bound is NaN
   */
  public Clip(float min, float max) {
    if (Float.isNaN(min) || Float.isNaN(max)) {
      throw new IllegalArgumentException("Clip: bounds must not be NaN, got min=" + min + " max=" + max);
    }
    this.min = min;
    this.max = max;
  }

  /** The lower bound (ONNX {@code min}; {@link Float#NEGATIVE_INFINITY} when absent). */
  public float min() {
    return min;
  }

  /** The upper bound (ONNX {@code max}; {@link Float#POSITIVE_INFINITY} when absent). */
  public float max() {
    return max;
  }

  @Override
  public String type() {
    return "Clip";
  }

  @Override
  protected float apply(float x) {
    return Math.min(Math.max(x, min), max);
  }

  @Override
  protected float derivative(float x, float y) {
    return x >= min && x <= max ? 1f : 0f;
  }

  @Override
  public String toString() {
    return type() + "(min=" + min + ", max=" + max + ")";
  }
}
