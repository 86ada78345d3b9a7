package org.xai4j.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.kernel.Ranges;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Batch normalization in inference mode, as ONNX {@code BatchNormalization} with
 * {@code training_mode = 0}: over an input {@code [N, C, ...]},
 * {@code y = scale[c] * (x - mean[c]) / sqrt(var[c] + epsilon) + bias[c]}.
 *
 * <p>All four statistics are parameters (named {@code scale}, {@code bias}, {@code mean},
 * {@code var}), so canonizers can fold them into a preceding convolution and the backward pass
 * returns gradients for each of them.
 *
 * @param scale per-channel scale (gamma), {@code [C]}
 * @param bias per-channel shift (beta), {@code [C]}
 * @param mean running mean, {@code [C]}
 * @param var running variance, {@code [C]}
 * @param epsilon added to the variance; the ONNX default is {@link #DEFAULT_EPSILON}
 */
public record BatchNormalization(Tensor scale, Tensor bias, Tensor mean, Tensor var, float epsilon)
    implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The ONNX (and PyTorch) default of {@code epsilon}. */
  public static final float DEFAULT_EPSILON = 1e-5f;
  private static final String TYPE = "BatchNormalization";
  /** Inputs need at least a batch and a channel axis. */
  private static final int MIN_RANK = 2;

  /**
   * Validates that the four statistics are vectors of one length, the variances finite and non-negative and
   * epsilon positive.
   *
   * @throws IllegalArgumentException naming the op and the shapes otherwise
   */
  public BatchNormalization {
    OpChecks.rank(TYPE, "scale", scale.shape(), 1);
    for (Tensor t : List.of(bias, mean, var)) {
      OpChecks.require(t.shape().equals(scale.shape()), TYPE, "statistics must all have shape "
          + scale.shape() + " of scale, got " + t.shape());
    }
    OpChecks.require(epsilon > 0f, TYPE, "epsilon must be positive, got " + epsilon);
    float[] v = INTERNALS.array(var);
    for (int c = 0; c < v.length; c++) {
      // a negative (or NaN) variance makes sqrt(var + epsilon) NaN for every input of the channel
      if (!(v[c] >= 0f && v[c] < Float.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(TYPE + ": variance must be finite and >= 0, got " + v[c] + " for channel "
            + c);
      }
    }
  }

  /** The identity-initialized layer: scale 1, bias 0, mean 0, variance 1, default epsilon. */
  public static BatchNormalization identity(int channels) {
    Shape s = Shape.of(channels);
    return new BatchNormalization(Tensor.full(s, 1f), Tensor.zeros(s), Tensor.zeros(s),
        Tensor.full(s, 1f), DEFAULT_EPSILON);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Parameters parameters() {
    return Parameters.of("scale", scale, Parameters.BIAS, bias, "mean", mean, "var", var);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new BatchNormalization(p.get("scale"), p.get(Parameters.BIAS), p.get("mean"), p.get("var"), epsilon);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape x = inputs.get(0);
    OpChecks.require(x.rank() >= MIN_RANK && x.dim(1) == scale.size(), TYPE, "input " + x
        + " must be [N, " + scale.size() + ", ...] for statistics " + scale.shape());
    return x;
  }

  /** The per-channel factor {@code scale / sqrt(var + epsilon)}. */
  private float[] gains() {
    float[] s = INTERNALS.array(scale);
    float[] v = INTERNALS.array(var);
    float[] a = new float[s.length];
    for (int c = 0; c < a.length; c++) {
      a[c] = (float) (s[c] / Math.sqrt((double) v[c] + epsilon));
    }
    return a;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape shape = outputShape(List.of(inputs.get(0).shape()));
    float[] x = INTERNALS.array(inputs.get(0));
    float[] a = gains();
    float[] m = INTERNALS.array(mean);
    float[] b = INTERNALS.array(bias);
    int channels = scale.size();
    int area = shape.product(2, shape.rank());
    float[] y = new float[x.length];
    Ranges.run(shape.dim(0) * channels, (part, from, to) -> {
      for (int plane = from; plane < to; plane++) {
        int c = plane % channels;
        float gain = a[c];
        float shift = b[c] - gain * m[c];
        for (int i = plane * area; i < (plane + 1) * area; i++) {
          y[i] = gain * x[i] + shift;
        }
      }
    });
    return INTERNALS.adopt(shape, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Shape shape = ctx.input(0).shape();
    int channels = scale.size();
    int batch = shape.dim(0);
    int area = shape.product(2, shape.rank());
    float[] g = INTERNALS.array(gradOutput);
    float[] a = gains();
    Tensor gradX = null;
    if (ctx.needsInput(0)) {
      float[] dx = new float[g.length];
      for (int i = 0; i < dx.length; i++) {
        dx[i] = g[i] * a[(i / area) % channels];
      }
      gradX = INTERNALS.adopt(shape, dx);
    }
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      float[] x = INTERNALS.array(ctx.input(0));
      float[] m = INTERNALS.array(mean);
      float[] s = INTERNALS.array(scale);
      float[] v = INTERNALS.array(var);
      float[] gSum = ChannelSums.sum(g, batch, channels, area);
      float[] dScale = new float[channels];
      float[] dMean = new float[channels];
      float[] dVar = new float[channels];
      for (int c = 0; c < channels; c++) {
        double centred = 0;
        for (int n = 0; n < batch; n++) {
          int off = (n * channels + c) * area;
          for (int i = off; i < off + area; i++) {
            centred += (double) g[i] * (x[i] - m[c]);
          }
        }
        double varEps = (double) v[c] + epsilon;
        dScale[c] = (float) (centred / Math.sqrt(varEps));
        dMean[c] = -a[c] * gSum[c];
        dVar[c] = (float) (-0.5 * s[c] * centred / (varEps * Math.sqrt(varEps)));
      }
      Shape ps = scale.shape();
      params.put("scale", INTERNALS.adopt(ps, dScale));
      params.put(Parameters.BIAS, INTERNALS.adopt(ps, gSum));
      params.put("mean", INTERNALS.adopt(ps, dMean));
      params.put("var", INTERNALS.adopt(ps, dVar));
    }
    return Gradients.of(new Tensor[] {gradX}, params);
  }

  /** The type, channel count and epsilon. */
  @Override
  public String toString() {
    return TYPE + "[channels=" + scale.size() + ", epsilon=" + epsilon + "]";
  }
}
