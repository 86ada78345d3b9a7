package org.xai4j.op;

/**
 * One spatial axis of a sliding window (convolution or pooling): the input extent, the kernel
 * extent, stride, padding at both ends, dilation and the resulting number of window positions.
 *
 * <p>Window {@code o} reads the input positions {@code o * stride - padBegin + k * dilation} for
 * {@code k} in {@code [0, kernel)}; positions outside {@code [0, in)} are padding.
 *
 * @param in input extent
 * @param kernel kernel extent (taps)
 * @param stride step between windows
 * @param padBegin padding before the input
 * @param padEnd padding after the input
 * @param dilation step between taps
 * @param out number of windows
 */
record WindowAxis(int in, int kernel, int stride, int padBegin, int padEnd, int dilation, int out) {
  /** The axis a 1-D operation is lifted by to run as 2-D: one position, one tap. */
  static final WindowAxis SINGLETON = new WindowAxis(1, 1, 1, 0, 0, 1, 1);

  /**
   * An axis with the number of windows computed as in ONNX: {@code floor} (or, with
   * {@code ceil}, {@code ceil}) of {@code (in + padBegin + padEnd - dilation * (kernel - 1) - 1)
   * / stride + 1}; in ceil mode a last window that would start in the end padding is dropped
   * (ONNX opset 19, PyTorch). Returns {@code null} if the dilated kernel is larger than the padded
   * input, so that the caller can report it with the op and the shapes. The extents are computed
   * in {@code long}, so that hostile attributes cannot overflow.
   *
   * @throws IllegalArgumentException naming the extents if the padded input or the dilated kernel
   *     is longer than an {@code int} index reaches
   */
  static WindowAxis sliding(int in, int kernel, int stride, int padBegin, int padEnd, int dilation,
      boolean ceil) {
    long padded = (long) in + padBegin + padEnd;
    long reach = (long) dilation * (kernel - 1) + 1;
    if (padded > Integer.MAX_VALUE || reach > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("input extent " + in + " padded by " + padBegin + " + " + padEnd
          + " or kernel " + kernel + " dilated by " + dilation + " is longer than " + Integer.MAX_VALUE);
    }
    int span = (int) (padded - reach);
    if (span < 0) {
      return null;
    }
    int out = (int) ((ceil ? ((long) span + stride - 1) / stride : span / stride) + 1);
    if (ceil && (out - 1) * stride >= in + padBegin) {
      out--;
    }
    return new WindowAxis(in, kernel, stride, padBegin, padEnd, dilation, out);
  }

  /** The extent covered by one window, {@code dilation * (kernel - 1) + 1}. */
  int span() {
    return dilation * (kernel - 1) + 1;
  }

  /** The input position of tap 0 of window {@code o} (negative inside the begin padding). */
  int start(int o) {
    return o * stride - padBegin;
  }

  /** The first tap of window {@code o} that lies inside the input. */
  int firstTap(int o) {
    int s = start(o);
    return s >= 0 ? 0 : Math.min(kernel, ceilDiv(-s, dilation));
  }

  /** One past the last tap of window {@code o} that lies inside the input. */
  int endTap(int o) {
    return Math.min(kernel, ceilDiv(in - start(o), dilation));
  }

  /**
   * The number of taps of window {@code o} inside the explicitly padded input
   * {@code [-padBegin, in + padEnd)}: the ONNX/PyTorch divisor of average pooling with
   * {@code count_include_pad}, which excludes the ceil-mode overhang.
   */
  int paddedTaps(int o) {
    return Math.min(kernel, ceilDiv(in + padEnd - start(o), dilation))
        - (start(o) >= -padBegin ? 0 : ceilDiv(-padBegin - start(o), dilation));
  }

  /** The first window whose tap {@code k} lies inside the input. */
  int firstWindow(int k) {
    return Math.max(0, ceilDiv(padBegin - k * dilation, stride));
  }

  /** One past the last window whose tap {@code k} lies inside the input (at least 0). */
  int endWindow(int k) {
    return Math.max(0, Math.min(out, ceilDiv(in + padBegin - k * dilation, stride)));
  }

  /** {@code ceil(a / b)} for {@code b > 0}, rounding towards positive infinity also for a < 0. */
  static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
