package org.xai4j.op;

import java.util.List;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code LRN}, local response normalization across channels (Krizhevsky et al. 2012): over an
 * input {@code [N, C, ...]},
 * {@code y[c] = x[c] / (bias + alpha / size * sum_{c' in W(c)} x[c']^2)^beta} with the window
 * {@code W(c) = [c - floor((size - 1) / 2), c + ceil((size - 1) / 2)]} clipped to the channels.
 * Computed in double per position. With {@code d[c]} the denominator base, the input gradient is
 * {@code g[k] d[k]^-beta - 2 alpha beta / size * x[k] sum_{c : k in W(c)} g[c] x[c] d[c]^(-beta-1)}.
 *
 * <p>PyTorch's {@code LocalResponseNorm} has the same definition for odd sizes; for even sizes its
 * window has the longer side before the channel instead of after it.
 *
 * @param size the number of channels summed over (ONNX {@code size}, required)
 * @param alpha the scale (ONNX default {@link #DEFAULT_ALPHA})
 * @param beta the exponent (ONNX default {@link #DEFAULT_BETA})
 * @param bias the additive constant (ONNX default {@link #DEFAULT_BIAS})
 */
public record Lrn(int size, float alpha, float beta, float bias) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The ONNX default of {@code alpha}. */
  public static final float DEFAULT_ALPHA = 1e-4f;
  /** The ONNX default of {@code beta}. */
  public static final float DEFAULT_BETA = 0.75f;
  /** The ONNX default of {@code bias}. */
  public static final float DEFAULT_BIAS = 1f;
  private static final String TYPE = "LRN";
  private static final int MIN_RANK = 3;

  /** Checks that the window holds at least one channel. */
  public Lrn {
    OpChecks.require(size >= 1, TYPE, "size must be at least 1, got " + size);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape x = inputs.get(0);
    OpChecks.require(x.rank() >= MIN_RANK, TYPE, "input " + x + " must be [N, C, D1, ...]");
    return x;
  }

  /** Channels before the centre in the window. */
  private int before() {
    return (size - 1) / 2;
  }

  /** Channels after the centre in the window. */
  private int after() {
    return size / 2;
  }

  /** The denominator base {@code bias + alpha / size * sum x^2} of every element. */
  private double[] bases(float[] x, Shape shape) {
    int channels = shape.dim(1);
    int area = shape.product(2, shape.rank());
    double[] d = new double[x.length];
    double scale = (double) alpha / size;
    for (int n = 0; n < shape.dim(0); n++) {
      int sample = n * channels * area;
      for (int s = 0; s < area; s++) {
        for (int c = 0; c < channels; c++) {
          double sum = 0;
          for (int k = Math.max(0, c - before()); k <= Math.min(channels - 1, c + after()); k++) {
            double v = x[sample + k * area + s];
            sum += v * v;
          }
          d[sample + c * area + s] = bias + scale * sum;
        }
      }
    }
    return d;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape shape = outputShape(List.of(inputs.get(0).shape()));
    float[] x = INTERNALS.array(inputs.get(0));
    double[] d = bases(x, shape);
    float[] y = new float[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) (x[i] * Math.pow(d[i], -beta));
    }
    return INTERNALS.adopt(shape, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (!ctx.needsInput(0)) {
      return Gradients.ofInputs((Tensor) null);
    }
    Shape shape = ctx.input(0).shape();
    float[] x = INTERNALS.array(ctx.input(0));
    float[] g = INTERNALS.array(gradOutput);
    double[] d = bases(x, shape);
    double[] weighted = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      weighted[i] = g[i] * x[i] * Math.pow(d[i], -beta - 1);
    }
    int channels = shape.dim(1);
    int area = shape.product(2, shape.rank());
    double factor = 2.0 * alpha * beta / size;
    float[] gx = new float[x.length];
    for (int n = 0; n < shape.dim(0); n++) {
      int sample = n * channels * area;
      for (int s = 0; s < area; s++) {
        for (int k = 0; k < channels; k++) {
          double sum = 0;
          for (int c = Math.max(0, k - after()); c <= Math.min(channels - 1, k + before()); c++) {
            sum += weighted[sample + c * area + s];
          }
          int i = sample + k * area + s;
          gx[i] = (float) (g[i] * Math.pow(d[i], -beta) - factor * x[i] * sum);
        }
      }
    }
    return Gradients.ofInputs(INTERNALS.adopt(shape, gx));
  }
}
