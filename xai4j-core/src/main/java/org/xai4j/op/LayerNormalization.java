package org.xai4j.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * ONNX {@code LayerNormalization} (opset 17; Ba et al. 2016): every slice over the axes from
 * {@code axis} to the last is normalized by its own mean and (biased) variance,
 * {@code y = scale (x - mu) / sqrt(var + epsilon) + bias}, with {@code scale} and {@code bias} of
 * the slice's shape. Statistics are accumulated in double. With {@code xh} the normalized input
 * and {@code s} the standard deviation the input gradient is
 * {@code (g' - mean(g') - xh mean(g' xh)) / s} for {@code g' = scale g}. Only the first ONNX
 * output ({@code Y}) is computed.
 *
 * @param scale the per-element scale, of the normalized slice's shape
 * @param bias the per-element shift of the same shape, or {@code null} for none
 * @param axis the first normalized axis; negative counts from the end (ONNX default
 *     {@link #DEFAULT_AXIS})
 * @param epsilon added to the variance (ONNX default {@link #DEFAULT_EPSILON})
 */
public record LayerNormalization(Tensor scale, Tensor bias, int axis, float epsilon) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  /** The ONNX default of {@code axis}. */
  public static final int DEFAULT_AXIS = -1;
  /** The ONNX default of {@code epsilon}. */
  public static final float DEFAULT_EPSILON = 1e-5f;
  private static final String TYPE = "LayerNormalization";

  /** Checks that scale and bias have one shape. */
  public LayerNormalization {
    OpChecks.require(bias == null || scale.shape().equals(bias.shape()), TYPE,
        "scale " + scale.shape() + " and bias " + (bias == null ? null : bias.shape()) + " must have one shape");
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
    return new LayerNormalization(p.get("scale"), p.getOrNull(Parameters.BIAS), axis, epsilon);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    Shape x = inputs.get(0);
    int a = OpChecks.axis(TYPE, x, axis);
    Shape slice = Shape.of(java.util.Arrays.copyOfRange(x.toArray(), a, x.rank()));
    OpChecks.require(slice.equals(scale.shape()), TYPE, "input " + x + " normalized from axis " + axis
        + " has slices " + slice + ", but scale has shape " + scale.shape());
    return x;
  }

  /** The first normalized axis of an input shape. */
  public int firstAxis(Shape input) {
    return OpChecks.axis(TYPE, input, axis);
  }

  private SliceNormalization.Normalized normalize(Tensor input) {
    return SliceNormalization.normalize(INTERNALS.array(input), scale.size(), epsilon);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Shape shape = outputShape(List.of(inputs.get(0).shape()));
    float[] xh = normalize(inputs.get(0)).xh();
    float[] gamma = INTERNALS.array(scale);
    float[] beta = bias == null ? null : INTERNALS.array(bias);
    int width = gamma.length;
    float[] y = new float[xh.length];
    for (int i = 0; i < y.length; i++) {
      int j = i % width;
      y[i] = gamma[j] * xh[i] + (beta == null ? 0f : beta[j]);
    }
    return INTERNALS.adopt(shape, y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    SliceNormalization.Normalized nz = normalize(ctx.input(0));
    float[] g = INTERNALS.array(gradOutput);
    float[] gamma = INTERNALS.array(scale);
    int width = gamma.length;
    Tensor gradX = null;
    if (ctx.needsInput(0)) {
      double[] scaled = new double[g.length];
      for (int i = 0; i < g.length; i++) {
        scaled[i] = (double) gamma[i % width] * g[i];
      }
      gradX = INTERNALS.adopt(ctx.input(0).shape(), SliceNormalization.inputGradient(scaled, nz, width));
    }
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      double[] gs = new double[width];
      double[] gb = new double[width];
      for (int i = 0; i < g.length; i++) {
        gs[i % width] += (double) g[i] * nz.xh()[i];
        gb[i % width] += g[i];
      }
      params.put("scale", Tensor.of(scale.shape(), gs));
      if (bias != null) {
        params.put(Parameters.BIAS, Tensor.of(bias.shape(), gb));
      }
    }
    return Gradients.of(new Tensor[] {gradX}, params);
  }
}
