package org.xai4j.op;

import java.util.Arrays;
import java.util.List;
import org.xai4j.kernel.Ranges;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Max pooling as in ONNX {@code MaxPool} over {@code [N, C, L]} or {@code [N, C, H, W]}:
 * {@code y[n, c, o] = max over taps k of x[n, c, o * strides - pads_begin + k * dilations]}, where
 * padding is {@code -inf} (it never wins). The gradient flows to the first tap of each window that
 * equals the recorded maximum (ties go to the earliest position in row-major order, as in
 * PyTorch); the backward pass reads the forward output from the context.
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
    List<Integer> dilations, boolean ceilMode) implements Op, ReluMaskedBackward {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "MaxPool";

  /**
   * Fills in default attributes and validates them.
   *
   * @throws IllegalArgumentException naming the op and the values if an attribute does not fit
   */
  public MaxPool {
    kernelShape = SlidingWindow.kernelShape(TYPE, kernelShape);
    int rank = kernelShape.size();
    strides = SlidingWindow.strides(TYPE, strides, rank);
    pads = SlidingWindow.poolingPads(TYPE, pads, kernelShape);
    dilations = SlidingWindow.dilations(TYPE, dilations, rank);
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
    return window(inputs.get(0)).pooledShape(inputs.get(0));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape shape = inputs.get(0).shape();
    SlidingWindow win = window(shape);
    float[] x = INTERNALS.array(inputs.get(0));
    float[] y = new float[shape.dim(0) * shape.dim(1) * win.outArea()];
    sweep(false, false, x, y, null, null, win, shape.dim(0) * shape.dim(1));
    return INTERNALS.adopt(win.pooledShape(shape), y);
  }

  /** Routes each output gradient to the first tap of its window that equals the recorded maximum. */
  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return backward(ctx, gradOutput, false);
  }

  /**
   * Routes each output gradient only to a positive maximum: a window whose maximum is not positive
   * adds {@code +0} ({@link Relu#masked} by the maximum, which equals the input it is routed to).
   */
  @Override
  public Gradients backwardMasked(BackwardContext ctx, Tensor gradOutput) {
    return backward(ctx, gradOutput, true);
  }

  private Gradients backward(BackwardContext ctx, Tensor gradOutput, boolean masked) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    Shape shape = ctx.input(0).shape();
    float[] dx = new float[shape.size()];
    sweep(true, masked, INTERNALS.array(ctx.input(0)), INTERNALS.array(ctx.output()),
        INTERNALS.array(gradOutput), dx, window(shape), shape.dim(0) * shape.dim(1));
    return Gradients.ofInputs(INTERNALS.adopt(shape, dx));
  }

  /**
   * Without {@code route}, writes the maximum of every window into {@code y}; with {@code route},
   * adds {@code g[o]} to {@code dx} at the first tap of window {@code o} whose input equals the
   * maximum {@code y[o]}, masked by {@code y[o]} if {@code masked}. Planes are independent and run
   * in parallel.
   */
  private static void sweep(boolean route, boolean masked, float[] x, float[] y, float[] g, float[] dx,
      SlidingWindow win, int planes) {
    Ranges.run(planes, (part, from, to) -> {
      for (int plane = from; plane < to; plane++) {
        int xOff = plane * win.inArea();
        int yOff = plane * win.outArea();
        if (route) {
          routePlane(masked, x, xOff, y, g, dx, yOff, win);
        } else {
          maxPlane(x, xOff, y, yOff, win);
        }
      }
    });
  }

  /**
   * The window maxima of one plane; {@code -inf} for a window of padding only. Taps are the outer
   * loop and a whole output row the inner one, so the inner loop is long and branch-free.
   */
  private static void maxPlane(float[] x, int xOff, float[] y, int yOff, SlidingWindow win) {
    WindowAxis ah = win.h();
    WindowAxis aw = win.w();
    int inW = aw.in();
    int outW = aw.out();
    int sw = aw.stride();
    for (int oh = 0; oh < ah.out(); oh++) {
      int o = yOff + oh * outW;
      Arrays.fill(y, o, o + outW, Float.NEGATIVE_INFINITY);
      for (int kh = ah.firstTap(oh); kh < ah.endTap(oh); kh++) {
        int row = xOff + (ah.start(oh) + kh * ah.dilation()) * inW;
        for (int kw = 0; kw < aw.kernel(); kw++) {
          int src = row + kw * aw.dilation() - aw.padBegin();
          for (int ow = aw.firstWindow(kw), end = aw.endWindow(kw); ow < end; ow++) {
            float v = x[src + ow * sw];
            float current = y[o + ow];
            y[o + ow] = Math.max(current, v);
          }
        }
      }
    }
  }

  /** The gradient routing of one plane (see {@link #sweep}). */
  private static void routePlane(boolean masked, float[] x, int xOff, float[] y, float[] g, float[] dx, int o,
      SlidingWindow win) {
    WindowAxis ah = win.h();
    WindowAxis aw = win.w();
    int inW = aw.in();
    int rowStep = ah.dilation() * inW;
    int dw = aw.dilation();
    for (int oh = 0; oh < ah.out(); oh++) {
      int kh0 = ah.firstTap(oh);
      int kh1 = ah.endTap(oh);
      int rowBase = xOff + ah.start(oh) * inW;
      for (int ow = 0; ow < aw.out(); ow++, o++) {
        int base = rowBase + aw.start(ow);
        search:
        for (int kh = kh0; kh < kh1; kh++) {
          int row = base + kh * rowStep;
          for (int i = row + aw.firstTap(ow) * dw, end = row + aw.endTap(ow) * dw; i < end;
              i += dw) {
            if (x[i] == y[o]) {
              dx[i] += masked ? Relu.masked(g[o], y[o]) : g[o];
              break search;
            }
          }
        }
      }
    }
  }

  /** The type and attributes. */
  @Override
  public String toString() {
    return TYPE + "[kernel_shape=" + kernelShape + ", strides=" + strides + ", pads=" + pads
        + ", dilations=" + dilations + ", ceil_mode=" + (ceilMode ? 1 : 0) + "]";
  }
}
