package org.xai4j.op;

import java.util.List;
import org.xai4j.kernel.Ranges;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Average pooling as in ONNX {@code AveragePool} over {@code [N, C, L]} or {@code [N, C, H, W]}:
 * the sum of the input taps of each window divided by
 * <ul>
 *   <li>with {@code count_include_pad = 0} (the ONNX default): the number of taps inside the
 *       input;
 *   <li>with {@code count_include_pad = 1}: the number of taps inside the explicitly padded input
 *       {@code [-pads_begin, in + pads_end)}; taps in the ceil-mode overhang beyond the padding
 *       are never counted (ONNX reference and PyTorch agree).
 * </ul>
 * Padding is zero. Pads must be smaller than the kernel, so every window has an input tap. The
 * attributes {@code dilations} (opset 19) and {@code auto_pad} are not supported.
 *
 * @param kernelShape window extent per spatial axis (1 or 2 axes)
 * @param strides step per axis; {@code null} or empty for all 1 (the ONNX default)
 * @param pads padding, all begins then all ends; {@code null} or empty for all 0
 * @param ceilMode whether the output extent is rounded up (ONNX {@code ceil_mode = 1}); a last
 *     window that would start in the end padding is dropped
 * @param countIncludePad whether padding taps count in the divisor
 */
public record AveragePool(List<Integer> kernelShape, List<Integer> strides, List<Integer> pads,
    boolean ceilMode, boolean countIncludePad) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "AveragePool";
  private static final List<Integer> NO_DILATION_2D = List.of(1, 1);

  /**
   * Fills in default attributes and validates them.
   *
   * @throws IllegalArgumentException naming the op and the values if an attribute does not fit or
   *     a pad is not smaller than the kernel
   */
  public AveragePool {
    kernelShape = SlidingWindow.kernelShape(TYPE, kernelShape);
    int rank = kernelShape.size();
    strides = SlidingWindow.strides(TYPE, strides, rank);
    pads = SlidingWindow.poolingPads(TYPE, pads, kernelShape);
    for (int i = 0; i < 2 * rank; i++) {
      OpChecks.require(pads.get(i) < kernelShape.get(i % rank), TYPE, "pads " + pads
          + " must be smaller than kernel_shape " + kernelShape);
    }
  }

  /** A square 2-D average pooling with equal stride and padding on every side, padding counted. */
  public static AveragePool square(int kernel, int stride, int padding) {
    return new AveragePool(List.of(kernel, kernel), List.of(stride, stride),
        List.of(padding, padding, padding, padding), false, true);
  }

  @Override
  public String type() {
    return TYPE;
  }

  private SlidingWindow window(Shape input) {
    List<Integer> dilations = NO_DILATION_2D.subList(0, kernelShape.size());
    return SlidingWindow.over(TYPE, input, kernelShape, strides, pads, dilations, ceilMode);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    return window(inputs.get(0)).pooledShape(inputs.get(0));
  }

  /** The divisor of every window of a plane, in output order. */
  private float[] divisors(SlidingWindow win) {
    WindowAxis ah = win.h();
    WindowAxis aw = win.w();
    float[] d = new float[win.outArea()];
    int o = 0;
    for (int oh = 0; oh < ah.out(); oh++) {
      for (int ow = 0; ow < aw.out(); ow++, o++) {
        d[o] = countIncludePad ? (float) ah.paddedTaps(oh) * aw.paddedTaps(ow)
            : (float) (ah.endTap(oh) - ah.firstTap(oh)) * (aw.endTap(ow) - aw.firstTap(ow));
      }
    }
    return d;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape shape = inputs.get(0).shape();
    SlidingWindow win = window(shape);
    float[] y = new float[shape.dim(0) * shape.dim(1) * win.outArea()];
    sweep(false, INTERNALS.array(inputs.get(0)), y, win, shape.dim(0) * shape.dim(1));
    return INTERNALS.adopt(win.pooledShape(shape), y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    Shape shape = ctx.input(0).shape();
    float[] dx = new float[shape.size()];
    sweep(true, dx, INTERNALS.array(gradOutput), window(shape), shape.dim(0) * shape.dim(1));
    return Gradients.ofInputs(INTERNALS.adopt(shape, dx));
  }

  /**
   * Without {@code scatter}, {@code out[o]} becomes the average of the taps of window {@code o} in
   * {@code in}; with {@code scatter} (the backward pass), {@code out[o]} divided by the divisor is
   * added to each tap of {@code in}. Planes are independent and run in parallel.
   */
  private void sweep(boolean scatter, float[] in, float[] out, SlidingWindow win, int planes) {
    float[] div = divisors(win);
    Ranges.run(planes, (part, from, to) -> {
      float[] share = new float[win.w().out()];
      for (int plane = from; plane < to; plane++) {
        int inOff = plane * win.inArea();
        int outOff = plane * win.outArea();
        if (scatter) {
          scatterPlane(in, inOff, out, outOff, div, win, share);
        } else {
          averagePlane(in, inOff, out, outOff, div, win);
        }
      }
    });
  }

  /**
   * The averages of the windows of one plane. Taps are the outer loop and a whole output row the
   * inner one, so the inner loop is long and branch-free.
   */
  private static void averagePlane(float[] in, int inOff, float[] out, int outOff, float[] div,
      SlidingWindow win) {
    WindowAxis ah = win.h();
    WindowAxis aw = win.w();
    int inW = aw.in();
    int outW = aw.out();
    int sw = aw.stride();
    for (int oh = 0; oh < ah.out(); oh++) {
      int o = outOff + oh * outW;
      for (int kh = ah.firstTap(oh); kh < ah.endTap(oh); kh++) {
        int row = inOff + (ah.start(oh) + kh) * inW;
        for (int kw = 0; kw < aw.kernel(); kw++) {
          int src = row + kw - aw.padBegin();
          for (int ow = aw.firstWindow(kw), end = aw.endWindow(kw); ow < end; ow++) {
            out[o + ow] += in[src + ow * sw];
          }
        }
      }
      for (int ow = 0, q = oh * outW; ow < outW; ow++, q++) {
        out[o + ow] /= div[q];
      }
    }
  }

  /**
   * Adds each window's output gradient, divided by its divisor, to the window's input taps, in
   * the loop order of {@link #averagePlane}; {@code share} is a scratch row of the output width.
   */
  private static void scatterPlane(float[] in, int inOff, float[] out, int outOff, float[] div,
      SlidingWindow win, float[] share) {
    WindowAxis ah = win.h();
    WindowAxis aw = win.w();
    int inW = aw.in();
    int outW = aw.out();
    int sw = aw.stride();
    for (int oh = 0; oh < ah.out(); oh++) {
      for (int ow = 0, q = oh * outW; ow < outW; ow++, q++) {
        share[ow] = out[outOff + q] / div[q];
      }
      for (int kh = ah.firstTap(oh); kh < ah.endTap(oh); kh++) {
        int row = inOff + (ah.start(oh) + kh) * inW;
        for (int kw = 0; kw < aw.kernel(); kw++) {
          int dst = row + kw - aw.padBegin();
          for (int ow = aw.firstWindow(kw), end = aw.endWindow(kw); ow < end; ow++) {
            in[dst + ow * sw] += share[ow];
          }
        }
      }
    }
  }

  /** The type and attributes. */
  @Override
  public String toString() {
    return TYPE + "[kernel_shape=" + kernelShape + ", strides=" + strides + ", pads=" + pads
        + ", ceil_mode=" + (ceilMode ? 1 : 0) + ", count_include_pad=" + (countIncludePad ? 1 : 0)
        + "]";
  }
}
