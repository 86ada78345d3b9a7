package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Max pooling as in ONNX {@code MaxPool} over {@code [N, C, L]} or {@code [N, C, H, W]}:
 * {@code y[n, c, o] = max over taps k of x[n, c, o * strides - pads_begin + k * dilations]}, where
 * padding is {@code -inf} (it never wins). The gradient flows to the first maximal tap of each
 * window (ties go to the earliest position in row-major order), as in PyTorch.
 *
 * <p>The optional ONNX output {@code Indices} and the attributes {@code storage_order} and
 * {@code auto_pad} are not supported.
 *
 * @param kernelShape window extent per spatial axis (1 or 2 axes)
 * @param strides step per axis; {@code null} or empty for all 1 (the ONNX default)
 * @param pads padding, all begins then all ends; {@code null} or empty for all 0
 * @param dilations tap spacing per axis; {@code null} or empty for all 1
 * @param ceilMode whether the output extent is rounded up (ONNX {@code ceil_mode = 1}); a last
 *     window that would start in the end padding is dropped
 */
public record MaxPool(List<Integer> kernelShape, List<Integer> strides, List<Integer> pads,
    List<Integer> dilations, boolean ceilMode) implements Op {
  private static final String TYPE = "MaxPool";

  /**
   * Fills in default attributes and validates them.
   *
   * @throws IllegalArgumentException naming the op and the values if an attribute does not fit
   */
  public MaxPool {
    int rank = kernelShape == null ? 0 : kernelShape.size();
    SlidingWindow.requireSpatialRank(TYPE, "kernel_shape " + kernelShape, rank);
    kernelShape = SlidingWindow.attribute(TYPE, "kernel_shape", kernelShape, rank, 1, 1);
    strides = SlidingWindow.attribute(TYPE, "strides", strides, rank, 1, 1);
    pads = SlidingWindow.attribute(TYPE, "pads", pads, 2 * rank, 0, 0);
    dilations = SlidingWindow.attribute(TYPE, "dilations", dilations, rank, 1, 1);
  }

  /** A square 2-D max pooling with equal stride and padding on every side. */
  public static MaxPool square(int kernel, int stride, int padding) {
    return new MaxPool(List.of(kernel, kernel), List.of(stride, stride),
        List.of(padding, padding, padding, padding), null, false);
  }

  @Override
  public String type() {
    return TYPE;
  }

  private SlidingWindow window(Shape input) {
    return SlidingWindow.over(TYPE, input, kernelShape, strides, pads, dilations, ceilMode);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape x = inputs.get(0);
    return window(x).outputShape(x.dim(0), x.dim(1), kernelShape.size());
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape shape = inputs.get(0).shape();
    float[] x = TensorInternals.array(inputs.get(0));
    int[] winner = winners(x, window(shape), shape.dim(0) * shape.dim(1));
    float[] y = new float[winner.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = winner[i] < 0 ? Float.NEGATIVE_INFINITY : x[winner[i]];
    }
    return TensorInternals.adopt(outputShape(List.of(shape)), y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    Shape shape = ctx.input(0).shape();
    SlidingWindow win = window(shape);
    int[] winner = winners(TensorInternals.array(ctx.input(0)), win, shape.dim(0) * shape.dim(1));
    float[] g = TensorInternals.array(gradOutput);
    float[] dx = new float[shape.size()];
    int outArea = win.outArea();
    // windows of one plane only pick taps of that plane, so planes scatter independently
    Ranges.run(shape.dim(0) * shape.dim(1), (part, from, to) -> {
      for (int i = from * outArea; i < to * outArea; i++) {
        if (winner[i] >= 0) {
          dx[winner[i]] += g[i];
        }
      }
    });
    return Gradients.ofInputs(TensorInternals.adopt(shape, dx));
  }

  /**
   * For every window of every plane, the flat input index of its first maximal tap, or -1 if all
   * its taps are padding.
   */
  private static int[] winners(float[] x, SlidingWindow win, int planes) {
    WindowAxis ah = win.h();
    WindowAxis aw = win.w();
    int inW = aw.in();
    int dh = ah.dilation();
    int dw = aw.dilation();
    int[] kw0 = aw.firstTaps();
    int[] kw1 = aw.endTaps();
    int outArea = win.outArea();
    int inArea = win.inArea();
    int[] winner = new int[planes * outArea];
    Ranges.run(planes, (part, from, to) -> {
      for (int plane = from; plane < to; plane++) {
        int o = plane * outArea;
        for (int oh = 0; oh < ah.out(); oh++) {
          int kh0 = ah.firstTap(oh);
          int kh1 = ah.endTap(oh);
          int rowBase = plane * inArea + ah.start(oh) * inW;
          for (int ow = 0; ow < aw.out(); ow++, o++) {
            int base = rowBase + aw.start(ow);
            int best = -1;
            float bestValue = Float.NEGATIVE_INFINITY;
            for (int kh = kh0; kh < kh1; kh++) {
              int row = base + kh * dh * inW;
              for (int kw = kw0[ow]; kw < kw1[ow]; kw++) {
                float v = x[row + kw * dw];
                if (best < 0 || v > bestValue) {
                  bestValue = v;
                  best = row + kw * dw;
                }
              }
            }
            winner[o] = best;
          }
        }
      }
    });
    return winner;
  }

  /** The type and attributes. */
  @Override
  public String toString() {
    return TYPE + "[kernel_shape=" + kernelShape + ", strides=" + strides + ", pads=" + pads
        + ", dilations=" + dilations + ", ceil_mode=" + (ceilMode ? 1 : 0) + "]";
  }
}
