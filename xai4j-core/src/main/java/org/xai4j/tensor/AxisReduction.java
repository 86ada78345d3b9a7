package org.xai4j.tensor;

/**
 * How {@link Tensor#reduce} combines the elements along one axis. Sums accumulate in float32 in
 * axis order (the first element, then each next one added).
 */
public enum AxisReduction {
  /** The sum. */
  SUM,
  /** The sum of absolute values. */
  ABS_SUM,
  /** The arithmetic mean: the sum divided by the axis extent. */
  MEAN,
  /** The largest (signed) value. */
  MAX
}
