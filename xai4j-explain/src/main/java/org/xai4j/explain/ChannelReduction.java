package org.xai4j.explain;

import org.xai4j.tensor.AxisReduction;

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

  /** The same reduction of a tensor axis ({@link org.xai4j.tensor.Tensor#reduce}). */
  public AxisReduction along() {
    return switch (this) {
      case SUM -> AxisReduction.SUM;
      case ABS_SUM -> AxisReduction.ABS_SUM;
      case MAX -> AxisReduction.MAX;
    };
  }
}
