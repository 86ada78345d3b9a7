package org.xai4j.explain.canon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.op.Parameters;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A per-channel affine map {@code y[n, c, ...] = weight[c] * x[n, c, ...] + bias[c]}: an
 * inference-mode batch normalization written as a linear layer with {@code weight} and
 * {@code bias} parameters, so that LRP rules can treat it like any other linear layer. Produced by
 * {@link Canonizers#batchNormAsAffine()} for batch norms with no linear layer to merge into. Its
 * type name is not an ONNX op; in ONNX it is a {@code Mul} followed by an {@code Add}.
 *
 * @param weight the per-channel gain, {@code [C]}
 * @param bias the per-channel shift, {@code [C]}
 */
public record ChannelAffine(Tensor weight, Tensor bias) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The op type, in the {@code BATCH_NORM} op group. */
  public static final String TYPE = "ChannelAffine";

  private static final int CHANNEL_AXIS = 1;

  /** Validates that weight and bias are vectors of one length. */
  public ChannelAffine {
    if (weight.rank() != 1 || !weight.shape().equals(bias.shape())) {
      throw new IllegalArgumentException(TYPE + ": weight " + weight.shape() + " and bias " + bias.shape()
          + " must be vectors of the same length");
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(Parameters.WEIGHT, weight, Parameters.BIAS, bias);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new ChannelAffine(p.get(Parameters.WEIGHT), p.get(Parameters.BIAS));
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    if (inputs.size() != 1) {
      throw new IllegalArgumentException(TYPE + ": expects 1 input, got " + inputs.size());
    }
    Shape x = inputs.get(0);
    if (x.rank() < 2 || x.dim(CHANNEL_AXIS) != weight.size()) {
      throw new IllegalArgumentException(TYPE + ": input " + x + " must be [N, " + weight.size() + ", ...]");
    }
    return x;
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape shape = outputShape(List.of(inputs.get(0).shape()));
    float[] x = INTERNALS.array(inputs.get(0));
    float[] w = INTERNALS.array(weight);
    float[] b = INTERNALS.array(bias);
    int channels = w.length;
    int area = shape.product(CHANNEL_AXIS + 1, shape.rank());
    float[] y = new float[x.length];
    for (int i = 0; i < y.length; i++) {
      int c = (i / area) % channels;
      y[i] = w[c] * x[i] + b[c];
    }
    return INTERNALS.adopt(shape, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    float[] g = INTERNALS.array(gradOutput);
    float[] x = INTERNALS.array(ctx.input(0));
    float[] w = INTERNALS.array(weight);
    int channels = w.length;
    int area = gradOutput.shape().product(CHANNEL_AXIS + 1, gradOutput.rank());
    Tensor gradX = null;
    if (ctx.needsInput(0)) {
      float[] gx = new float[g.length];
      for (int i = 0; i < g.length; i++) {
        gx[i] = g[i] * w[(i / area) % channels];
      }
      gradX = INTERNALS.adopt(gradOutput.shape(), gx);
    }
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      double[] gw = new double[channels];
      double[] gb = new double[channels];
      for (int i = 0; i < g.length; i++) {
        int c = (i / area) % channels;
        gw[c] += (double) g[i] * x[i];
        gb[c] += g[i];
      }
      params.put(Parameters.WEIGHT, Tensor.of(weight.shape(), gw));
      params.put(Parameters.BIAS, Tensor.of(bias.shape(), gb));
    }
    return Gradients.of(new Tensor[] {gradX}, params);
  }

  @Override
  public String toString() {
    return TYPE + "[channels=" + weight.size() + "]";
  }
}
