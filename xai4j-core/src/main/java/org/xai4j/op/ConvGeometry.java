package org.xai4j.op;

/**
 * The sizes of a 2-D grouped convolution from an input {@code [batch, inChannels, h.in, w.in]}
 * with a weight {@code [outChannels, inChannels / group, h.kernel, w.kernel]} to an output
 * {@code [batch, outChannels, h.out, w.out]}.
 *
 * @param batch number of samples
 * @param inChannels input channels
 * @param outChannels output channels
 * @param group number of channel groups (both channel counts are multiples of it)
 * @param window the spatial axes
 */
record ConvGeometry(int batch, int inChannels, int outChannels, int group, SlidingWindow window) {
  /** Input channels per group. */
  int groupInChannels() {
    return inChannels / group;
  }

  /** Output channels per group. */
  int groupOutChannels() {
    return outChannels / group;
  }

  /** Rows of the im2col matrix of one group: input channels per group times the kernel area. */
  int patchRows() {
    return groupInChannels() * window.kernelArea();
  }

  /**
   * Whether the im2col matrix equals the input itself (1x1 kernel, unit strides, no padding), so
   * that the GEMM can read the input directly.
   */
  boolean pointwise() {
    return isIdentity(window.h()) && isIdentity(window.w());
  }

  private static boolean isIdentity(WindowAxis a) {
    return a.kernel() == 1 && a.stride() == 1 && a.padBegin() == 0 && a.out() == a.in();
  }
}
