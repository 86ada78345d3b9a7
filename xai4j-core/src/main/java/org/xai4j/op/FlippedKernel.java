package org.xai4j.op;

import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The input gradient of a unit-stride convolution written as another convolution, so that it runs
 * the forward engine (gather into im2col, then one packed GEMM per chunk, chunks in parallel)
 * instead of a GEMM followed by a scatter (col2im):
 *
 * <pre>
 * dx[n, c, i] = sum over m, taps j of w'[c, m, j] * gy[n, m, i - pad' + j * dilation]
 * w'[g*C/group + c, m, j] = w[g*M/group + m, c, kernel - 1 - j]     (per axis)
 * pad'_begin = dilation * (kernel - 1) - pad_begin,  pad'_end = dilation * (kernel - 1) - pad_end
 * </pre>
 *
 * i.e. the output gradient convolved, with stride 1 and the complementary padding, by the kernel
 * flipped along every spatial axis with its channel axes swapped within each group. It applies when
 * every stride is 1 and no pad exceeds the dilated kernel's reach (a negative complementary pad
 * would crop, which the forward engine does not do), and is used where each group has at least
 * {@link #MIN_GROUP_CHANNELS} input channels: with fewer, the GEMM's rows (the input channels)
 * would fill too little of the micro-kernel's 8-row block (the first layer of an image network, a
 * depthwise convolution), and the col2im path, whose rows are channels times taps, wins.
 *
 * <p>The flipped kernel is made once per weight tensor and kept with it
 * ({@link TensorInternals#derived}), like the packed weights.
 */
final class FlippedKernel {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** Fewest input channels per group for which the input gradient runs as a convolution. */
  static final int MIN_GROUP_CHANNELS = 8;

  private FlippedKernel() {}

  /** Whether the input gradient of {@code g} runs as the convolution of {@link #geometry}. */
  static boolean applies(ConvGeometry g) {
    return g.groupInChannels() >= MIN_GROUP_CHANNELS && fits(g.window().h()) && fits(g.window().w());
  }

  private static boolean fits(WindowAxis a) {
    int reach = a.dilation() * (a.kernel() - 1);
    return a.stride() == 1 && a.padBegin() <= reach && a.padEnd() <= reach;
  }

  /** The convolution from the output gradient {@code [N, M, out]} to the input gradient {@code [N, C, in]}. */
  static ConvGeometry geometry(ConvGeometry g) {
    SlidingWindow w = g.window();
    return new ConvGeometry(g.batch(), g.outChannels(), g.inChannels(), g.group(),
        new SlidingWindow(transposed(w.h()), transposed(w.w())));
  }

  private static WindowAxis transposed(WindowAxis a) {
    int reach = a.dilation() * (a.kernel() - 1);
    return new WindowAxis(a.out(), a.kernel(), 1, reach - a.padBegin(), reach - a.padEnd(), a.dilation(), a.in());
  }

  /** Identifies the flipped kernel among the weight's derived values. */
  private record Key(int group) {}

  /** The flipped, channel-swapped kernel {@code [C, M / group, kH, kW]} of {@code weight} ({@code [M, C / group, kH, kW]}). */
  static Tensor of(Tensor weight, ConvGeometry g) {
    return INTERNALS.derived(weight, new Key(g.group()), Tensor.class, t -> flip(t, g));
  }

  private static Tensor flip(Tensor weight, ConvGeometry g) {
    float[] w = INTERNALS.array(weight);
    int kh = g.window().h().kernel();
    int kw = g.window().w().kernel();
    int taps = kh * kw;
    int cg = g.groupInChannels();
    int mg = g.groupOutChannels();
    float[] f = new float[w.length];
    for (int grp = 0; grp < g.group(); grp++) {
      for (int m = 0; m < mg; m++) {
        for (int c = 0; c < cg; c++) {
          int src = ((grp * mg + m) * cg + c) * taps;
          int dst = ((grp * cg + c) * mg + m) * taps;
          for (int i = 0; i < kh; i++) {
            for (int j = 0; j < kw; j++) {
              f[dst + (kh - 1 - i) * kw + (kw - 1 - j)] = w[src + i * kw + j];
            }
          }
        }
      }
    }
    return INTERNALS.adopt(Shape.of(g.inChannels(), mg, kh, kw), f);
  }
}
