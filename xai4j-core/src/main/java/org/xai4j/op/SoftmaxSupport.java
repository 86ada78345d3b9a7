package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.AxisSplit;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * The loops shared by {@link Softmax} and {@link LogSoftmax}: the input is seen as
 * {@code [outer, extent, inner]} around the normalized axis (opset 13 semantics) or as the 2-D
 * {@code [outer, extent]} matrix of ONNX before opset 13, and every one of the
 * {@code outer * inner} fibres of length {@code extent} is normalized on its own, in double
 * precision after subtracting the fibre's maximum.
 */
final class SoftmaxSupport {
  private SoftmaxSupport() {}

  /** The fibres of {@code shape}, after checking the axis against it. */
  static AxisSplit split(String type, Shape shape, int axis, boolean coerceTo2d) {
    return OpChecks.named(type,
        () -> coerceTo2d ? AxisSplit.coerced2d(shape, axis) : AxisSplit.of(shape, axis));
  }

  /** Checks arity and axis; the output shape is the input shape. */
  static Shape outputShape(String type, List<Shape> inputs, int axis, boolean coerceTo2d) {
    OpChecks.arity(type, inputs, 1);
    split(type, inputs.get(0), axis, coerceTo2d);
    return inputs.get(0);
  }

  /** {@code softmax(x)} or, with {@code log}, {@code log(softmax(x))} along the fibres. */
  static Tensor forward(Tensor input, AxisSplit s, boolean log) {
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
  static Tensor backward(Tensor output, Tensor gradOutput, AxisSplit s, boolean log) {
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
