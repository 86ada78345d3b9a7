package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.AxisSplit;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * What {@link Softmax} and {@link LogSoftmax} share: the shape check, the forward pass and the
 * backward pass. The input is seen as {@code [outer, extent, inner]} around the normalized axis
 * (opset 13 semantics) or as the 2-D {@code [outer, extent]} matrix of ONNX before opset 13, and
 * every one of the {@code outer * inner} fibres of length {@code extent} is normalized on its own,
 * in double precision after subtracting the fibre's maximum. The two ops differ only in whether
 * the result is the logarithm.
 */
sealed interface SoftmaxFamily extends Op permits Softmax, LogSoftmax {
  /** The axis (negative counts from the end). */
  int axis();

  /** Whether the pre-opset-13 "coerce to 2-D" semantics apply. */
  boolean coerceTo2d();

  /** Checks arity and axis; the output shape is the input shape. */
  @Override
  default Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(type(), inputs, 1);
    split(inputs.get(0));
    return inputs.get(0);
  }

  @Override
  default Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(type(), inputs, 1);
    Tensor x = inputs.get(0);
    return forward(x, split(x.shape()), logarithmic());
  }

  @Override
  default Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    return Gradients.ofInputs(
        backward(ctx.output(), gradOutput, split(gradOutput.shape()), logarithmic()));
  }

  /** Whether this op returns {@code log(softmax(x))}. */
  private boolean logarithmic() {
    return this instanceof LogSoftmax;
  }

  /** The fibres of {@code shape}, after checking the axis against it. */
  private AxisSplit split(Shape shape) {
    return OpChecks.named(type(),
        () -> coerceTo2d() ? AxisSplit.coerced2d(shape, axis()) : AxisSplit.of(shape, axis()));
  }

  /** {@code softmax(x)} or, with {@code log}, {@code log(softmax(x))} along the fibres. */
  private static Tensor forward(Tensor input, AxisSplit s, boolean log) {
    float[] x = TensorInternals.array(input);
    float[] y = new float[x.length];
    int n = s.extent();
    int stride = s.inner();
    for (int o = 0; o < s.outer(); o++) {
      for (int i = 0; i < stride; i++) {
        int base = s.offset(o, 0) + i;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
          max = Math.max(max, x[base + k * stride]);
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
          sum += Math.exp(x[base + k * stride] - max);
        }
        double logSum = Math.log(sum);
        for (int k = 0; k < n; k++) {
          int p = base + k * stride;
          double shifted = x[p] - max;
          y[p] = (float) (log ? shifted - logSum : Math.exp(shifted) / sum);
        }
      }
    }
    return TensorInternals.adopt(input.shape(), y);
  }

  /**
   * The vector-Jacobian product along the fibres: {@code y * (g - sum(g * y))} for softmax and
   * {@code g - exp(y) * sum(g)} for log-softmax, where {@code y} is the forward output.
   */
  private static Tensor backward(Tensor output, Tensor gradOutput, AxisSplit s, boolean log) {
    float[] y = TensorInternals.array(output);
    float[] g = TensorInternals.array(gradOutput);
    float[] gx = new float[y.length];
    int n = s.extent();
    int stride = s.inner();
    for (int o = 0; o < s.outer(); o++) {
      for (int i = 0; i < stride; i++) {
        int base = s.offset(o, 0) + i;
        double dot = 0;
        for (int k = 0; k < n; k++) {
          int p = base + k * stride;
          dot += log ? g[p] : (double) g[p] * y[p];
        }
        for (int k = 0; k < n; k++) {
          int p = base + k * stride;
          gx[p] = (float) (log ? g[p] - Math.exp(y[p]) * dot : y[p] * (g[p] - dot));
        }
      }
    }
    return TensorInternals.adopt(output.shape(), gx);
  }
}
