package org.xai4j.op;

/**
 * Rectified linear unit, {@code max(0, x)}; the derivative at 0 is taken as 0 and NaN propagates
 * (both as PyTorch).
 */
public final class Relu extends UnaryElementwiseOp {
  private static final int POSITIVE_INFINITY_BITS = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
  private static final int SIGN_SHIFT = 31;

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

  /**
   * {@code gx = x > 0 ? g : +0} for every element ({@link #masked}).
   */
  @Override
  protected void chainAll(float[] x, float[] y, float[] g, float[] gx) {
    for (int i = 0; i < x.length; i++) {
      gx[i] = masked(g[i], x[i]);
    }
  }

  /**
   * {@code g[i] = masked(g[i], x[i])} for {@code i} in {@code [from, to)}, in place: the ReLU's
   * chain rule applied by the op whose backward {@link ReluMaskedBackward} fuses with it. {@code x}
   * may be the ReLU's output instead of its input: {@code max(x, 0) > 0} exactly when {@code x > 0}
   * (for NaN, {@code -0} and {@code +0} both are false), so the result has the same bits.
   */
  static void maskInPlace(float[] g, float[] x, int from, int to) {
    for (int i = from; i < to; i++) {
      g[i] = masked(g[i], x[i]);
    }
  }

  /**
   * {@code x > 0 ? g : +0} without a branch: ReLU inputs are positive about half the time at
   * random, so a per-element branch mispredicts constantly (this loop ran 10x slower with one). The
   * float {@code x} is {@code > 0} exactly when its bit pattern minus one, read unsigned, is below
   * that of +infinity (positive finite values and +infinity; not zeros, negatives or NaN), which
   * gives an all-ones or all-zeros mask for {@code g}'s bits.
   */
  static float masked(float g, float x) {
    int t = Float.floatToRawIntBits(x) - 1;
    int positive = (~t & (t - POSITIVE_INFINITY_BITS)) >> SIGN_SHIFT;
    return Float.intBitsToFloat(Float.floatToRawIntBits(g) & positive);
  }
}
