package org.xai4j.report.image;

/**
 * How heatmap values are mapped to {@code [0, 1]} before colouring, as Zennit's
 * {@code imgify(symmetric=...)}.
 */
public enum Scaling {
  /** {@code (v + m) / 2m} with {@code m = max|v|}: zero maps to the centre of the colour map. */
  SYMMETRIC,
  /** {@code (v - min) / (max - min)}: the minimum maps to 0, the maximum to 1 (Zennit's default). */
  MIN_MAX;

  /**
   * The bounds {@code [lo, hi]} of a heatmap's values under this scaling.
   */
  double[] bounds(float[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double absMax = 0;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      absMax = Math.max(absMax, Math.abs(v));
    }
    return this == SYMMETRIC ? new double[] {-absMax, absMax} : new double[] {min, max};
  }
}
