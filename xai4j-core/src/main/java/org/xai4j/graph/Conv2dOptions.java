package org.xai4j.graph;

/**
 * The less common settings of {@link GraphBuilder#conv2d(String, String, int, int, int,
 * Conv2dOptions)}: stride, symmetric padding, dilation, groups and whether there is a bias.
 *
 * @param stride step in both axes (at least 1)
 * @param padding zero padding on every side (at least 0)
 * @param dilation tap spacing in both axes (at least 1)
 * @param groups channel groups (1: dense; the channel count: depthwise)
 * @param bias whether the layer has a (zero-initialized) bias
 */
public record Conv2dOptions(int stride, int padding, int dilation, int groups, boolean bias) {
  /** Stride 1, no padding, no dilation, one group, with bias (as PyTorch {@code Conv2d}). */
  public static final Conv2dOptions DEFAULT = new Conv2dOptions(1, 0, 1, 1, true);

  /** Validates the ranges. */
  public Conv2dOptions {
    if (stride < 1 || padding < 0 || dilation < 1 || groups < 1) {
      throw new IllegalArgumentException("conv2d options need stride >= 1, padding >= 0, "
          + "dilation >= 1, groups >= 1; got " + this);
    }
  }

  /** The default options with another stride and padding. */
  public static Conv2dOptions of(int stride, int padding) {
    return new Conv2dOptions(stride, padding, DEFAULT.dilation, DEFAULT.groups, DEFAULT.bias);
  }

  /** These options with another dilation. */
  public Conv2dOptions withDilation(int d) {
    return new Conv2dOptions(stride, padding, d, groups, bias);
  }

  /** These options with another number of groups. */
  public Conv2dOptions withGroups(int g) {
    return new Conv2dOptions(stride, padding, dilation, g, bias);
  }

  /** These options without a bias. */
  public Conv2dOptions withoutBias() {
    return new Conv2dOptions(stride, padding, dilation, groups, false);
  }
}
