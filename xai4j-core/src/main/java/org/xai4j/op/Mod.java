package org.xai4j.op;

/**
 * ONNX {@code Mod} with NumPy/ONNX broadcasting. With {@code fmod = false} (the ONNX default, for
 * integer tensors, which xai4j holds as float32) the remainder takes the divisor's sign, as
 * Python's {@code %}: {@code a - floor(a / b) b}; with {@code fmod = true} it takes the dividend's
 * sign, as C's {@code fmod}: {@code a - trunc(a / b) b}. A zero divisor gives NaN. Away from the
 * jumps the partial derivatives are 1 and {@code -floor(a / b)} (or {@code -trunc(a / b)}).
 *
 * @see #fmod()
 */
public final class Mod extends BroadcastingBinaryOp {
  private final boolean fmod;

  /** A remainder with the divisor's sign ({@code fmod = false}) or the dividend's ({@code true}). */
  public Mod(boolean fmod) {
    this.fmod = fmod;
  }

  /** Whether the remainder takes the dividend's sign (ONNX attribute {@code fmod}). */
  public boolean fmod() {
    return fmod;
  }

  @Override
  public String type() {
    return "Mod";
  }

  private double quotient(float a, float b) {
    double q = (double) a / b;
    return fmod ? (q < 0 ? Math.ceil(q) : Math.floor(q)) : Math.floor(q);
  }

  @Override
  protected float apply(float a, float b) {
    if (b == 0f) {
      return Float.NaN;
    }
    return fmod ? a % b : (float) (a - Math.floor((double) a / b) * b);
  }

  @Override
  protected float derivativeA(float a, float b, float y) {
    return 1f;
  }

  @Override
  protected float derivativeB(float a, float b, float y) {
    return (float) -quotient(a, b);
  }

  @Override
  public String toString() {
    return type() + "(fmod=" + fmod + ")";
  }
}
