package org.xai4j.explain;

/**
 * How a relevance tensor {@code [N, C, ...]} is reduced over its channel axis (axis 1) to a
 * heatmap {@code [N, ...]}.
 */
public enum ChannelReduction {
  /** {@code sum_c R[n, c, ...]}: signed; the usual choice for LRP and gradient x input (Zennit). */
  SUM,
  /** {@code sum_c |R[n, c, ...]|}: unsigned magnitude. */
  ABS_SUM,
  /** {@code max_c R[n, c, ...]}: the largest (signed) channel value. */
  MAX;

  /** Combines the running value {@code acc} with the next channel value {@code v}. */
  float combine(float acc, float v) {
    return switch (this) {
      case SUM -> acc + v;
      case ABS_SUM -> acc + Math.abs(v);
      case MAX -> Math.max(acc, v);
    };
  }

  /** The value of a reduction over the first channel value {@code v}. */
  float first(float v) {
    return this == ABS_SUM ? Math.abs(v) : v;
  }
}
