package org.xai4j.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code InstanceNormalization}: over an input {@code [N, C, ...]}, each (sample, channel)
 * slice is normalized by its own mean and (biased) variance over the remaining axes:
 * {@code y = scale[c] (x - mu) / sqrt(var + epsilon) + bias[c]} (Ulyanov et al. 2016). Statistics
 * are accumulated in double. With {@code xh} the normalized input and {@code s} the standard
 * deviation, the input gradient is {@code (g' - mean(g') - xh mean(g' xh)) / s} for
 * {@code g' = scale[c] g}.
 *
 * @param scale per-channel scale, {@code [C]}
 * @param bias per-channel shift, {@code [C]}
 * @param epsilon added to the variance; the ONNX default is {@link #DEFAULT_EPSILON}
 */
public record InstanceNormalization(Tensor scale, Tensor bias, float epsilon) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The ONNX default of {@code epsilon}. */
  public static final float DEFAULT_EPSILON = 1e-5f;
  private static final String TYPE = "InstanceNormalization";
  private static final int MIN_RANK = 3;

  /** Checks that scale and bias are vectors of equal length. */
  public InstanceNormalization {
    OpChecks.require(scale.rank() == 1 && scale.shape().equals(bias.shape()), TYPE,
        "scale " + scale.shape() + " and bias " + bias.shape() + " must be equal-length vectors");
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Parameters parameters() {
    return Parameters.of("scale", scale, Parameters.BIAS, bias);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new InstanceNormalization(p.get("scale"), p.get(Parameters.BIAS), epsilon);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape x = inputs.get(0);
    OpChecks.require(x.rank() >= MIN_RANK && x.dim(1) == scale.size(), TYPE, "input " + x
        + " must be [N, C, ...] with C = " + scale.size() + " and at least one spatial axis");
    return x;
  }

  private SliceNormalization.Normalized normalize(Tensor input) {
    Shape shape = input.shape();
    return SliceNormalization.normalize(INTERNALS.array(input), shape.product(2, shape.rank()), epsilon);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape shape = outputShape(List.of(inputs.get(0).shape()));
    float[] xh = normalize(inputs.get(0)).xh();
    int c = shape.dim(1);
    int area = shape.product(2, shape.rank());
    float[] y = new float[xh.length];
    for (int i = 0; i < y.length; i++) {
      int ch = (i / area) % c;
      y[i] = scale.getFlat(ch) * xh[i] + bias.getFlat(ch);
    }
    return INTERNALS.adopt(shape, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Shape shape = ctx.input(0).shape();
    SliceNormalization.Normalized nz = normalize(ctx.input(0));
    float[] g = INTERNALS.array(gradOutput);
    int c = shape.dim(1);
    int area = shape.product(2, shape.rank());
    Tensor gradX = null;
    if (ctx.needsInput(0)) {
      double[] scaled = new double[g.length];
      for (int i = 0; i < g.length; i++) {
        scaled[i] = (double) scale.getFlat((i / area) % c) * g[i];
      }
      gradX = INTERNALS.adopt(shape, SliceNormalization.inputGradient(scaled, nz, area));
    }
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      float[] gs = new float[c];
      float[] gb = new float[c];
      for (int i = 0; i < g.length; i++) {
        int ch = (i / area) % c;
        gs[ch] += g[i] * nz.xh()[i];
        gb[ch] += g[i];
      }
      params.put("scale", INTERNALS.adopt(scale.shape(), gs));
      params.put(Parameters.BIAS, INTERNALS.adopt(bias.shape(), gb));
    }
    return Gradients.of(new Tensor[] {gradX}, params);
  }
}
