package org.xai4j.explain.lrp;

/**
 * Makes a denominator safe for division: {@code z + epsilon * sign(z)} with {@code sign(0) = +1}
 * (Zennit's {@code stabilize}, default {@code epsilon = 1e-6}). In the epsilon rule the same shift
 * also absorbs weak or contradictory contributions.
 *
 * <p>A denominator that is still exactly zero (only possible with {@code epsilon = 0}, LRP-0) makes
 * {@link #divide} return 0: that output passes no relevance. This is a deliberate difference from
 * Zennit, which would produce infinities or NaN there.
 *
 * @param epsilon the shift, finite and non-negative
 */
public record Stabilizer(double epsilon) {
  /** Zennit's default epsilon, used for the epsilon rule and as the stabilizer of every other rule. */
  public static final double DEFAULT_EPSILON = 1e-6;

  /** The default stabilizer, {@code epsilon = } {@value #DEFAULT_EPSILON}. */
  public static final Stabilizer DEFAULT = new Stabilizer(DEFAULT_EPSILON);

  /** Rejects negative, infinite and NaN values. */
  public Stabilizer {
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("stabilizer epsilon must be finite and >= 0, got " + epsilon);
    }
  }

  /** {@code z + epsilon * sign(z)}, with {@code sign(0) = +1}, computed in float32 as Zennit does. */
  public float apply(float z) {
    float e = (float) epsilon;
    return z >= 0f ? z + e : z - e;
  }

  /** {@code numerator / apply(z)}, or 0 where the stabilized denominator is exactly zero. */
  public float divide(float numerator, float z) {
    float d = apply(z);
    return d == 0f ? 0f : numerator / d;
  }
}
