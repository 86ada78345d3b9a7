package org.xai4j.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * 1-D or 2-D convolution (cross-correlation) as in ONNX {@code Conv}, with grouped and depthwise
 * variants:
 *
 * <pre>
 * y[n, m, o] = bias[m] + sum over c in group(m), taps k of
 *              weight[m, c, k] * x[n, g * C/group + c, o * strides - pads_begin + k * dilations]
 * </pre>
 *
 * where positions outside the input are zero (padding). The input is {@code [N, C, L]} or
 * {@code [N, C, H, W]}; {@code kernel_shape} is taken from the weight.
 *
 * <p>Forward runs im2col and {@link org.xai4j.kernel.Kernels#sgemm} per sample and group. The
 * backward pass computes only what the context asks for: the input gradient (the transposed
 * convolution, {@link #inputGradient}) and, only when parameter gradients are requested, the weight
 * and bias gradients. The ONNX attribute {@code auto_pad} is not supported: give explicit
 * {@code pads}.
 *
 * @param weight {@code [M, C / group, kL]} or {@code [M, C / group, kH, kW]}
 * @param bias {@code [M]}, or {@code null} for none
 * @param strides step per spatial axis; {@code null} or empty for all 1
 * @param pads padding, all begins then all ends ({@code [top, left, bottom, right]} in 2-D);
 *     {@code null} or empty for all 0
 * @param dilations tap spacing per spatial axis; {@code null} or empty for all 1
 * @param group number of channel groups (1: dense; C: depthwise)
 */
public record Conv(Tensor weight, Tensor bias, List<Integer> strides, List<Integer> pads,
    List<Integer> dilations, int group) implements Op, ReluMaskedBackward {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "Conv";

  /**
   * Fills in default attributes and validates them.
   *
   * @throws IllegalArgumentException naming the op and the shapes if the weight rank, an
   *     attribute, the group or the bias shape does not fit
   */
  public Conv {
    int rank = weight.rank() - 2;
    SlidingWindow.requireSpatialRank(TYPE, "weight " + weight.shape(), rank);
    strides = SlidingWindow.strides(TYPE, strides, rank);
    pads = SlidingWindow.pads(TYPE, pads, rank);
    dilations = SlidingWindow.dilations(TYPE, dilations, rank);
    int m = weight.shape().dim(0);
    OpChecks.require(group >= 1 && m % group == 0, TYPE, "group " + group
        + " does not divide the " + m + " output channels of weight " + weight.shape());
    OpChecks.require(bias == null || bias.shape().equals(Shape.of(m)), TYPE,
        "bias " + (bias == null ? "" : bias.shape()) + " must be [" + m + "] for weight " + weight.shape());
  }

  /** An ungrouped convolution with unit strides and dilations and no padding. */
  public static Conv of(Tensor weight, Tensor bias) {
    return new Conv(weight, bias, null, null, null, 1);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** Number of spatial axes (1 or 2). */
  public int spatialRank() {
    return weight.rank() - 2;
  }

  /** The kernel extents, read from the weight. */
  public List<Integer> kernelShape() {
    int[] d = weight.shape().toArray();
    return spatialRank() == 1 ? List.of(d[2]) : List.of(d[2], d[3]);
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(Parameters.WEIGHT, weight, Parameters.BIAS, bias);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new Conv(p.get(Parameters.WEIGHT), p.getOrNull(Parameters.BIAS), strides, pads, dilations, group);
  }

  private ConvGeometry geometry(Shape input) {
    int rank = spatialRank();
    OpChecks.rank(TYPE, "input", input, rank + 2);
    int c = input.dim(1);
    OpChecks.require(c % group == 0, TYPE, "group " + group + " does not divide the " + c
        + " channels of input " + input);
    int expected = group * weight.shape().dim(1);
    OpChecks.require(c == expected, TYPE, "input " + input + " has " + c + " channels but weight "
        + weight.shape() + " with group " + group + " expects " + expected);
    SlidingWindow window =
        SlidingWindow.over(TYPE, input, kernelShape(), strides, pads, dilations, false);
    return new ConvGeometry(input.dim(0), c, weight.shape().dim(0), group, window);
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    ConvGeometry g = geometry(inputs.get(0));
    return g.window().outputShape(g.batch(), g.outChannels(), spatialRank());
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    ConvGeometry g = geometry(inputs.get(0).shape());
    float[] y = ConvEngine.forward(INTERNALS.array(inputs.get(0)), weight, g);
    if (bias != null) {
      ChannelSums.addBias(y, INTERNALS.array(bias), g.batch(), g.outChannels(),
          g.window().outArea());
    }
    return INTERNALS.adopt(g.window().outputShape(g.batch(), g.outChannels(), spatialRank()), y);
  }

  /**
   * The gradient of this convolution's output with respect to its input: the transposed
   * convolution of {@code gradOutput} with this op's weight (no bias), an array of shape
   * {@code inputShape}. LRP propagates relevance through a convolution by calling this on a copy
   * with modified weights.
   *
   * @throws IllegalArgumentException if {@code gradOutput} does not have this op's output shape
   *     for {@code inputShape}
   */
  public Tensor inputGradient(Tensor gradOutput, Shape inputShape) {
    return inputGradient(gradOutput, inputShape, null);
  }

  /** {@link #inputGradient(Tensor, Shape)}, masked by {@code mask} unless it is null ({@link ConvEngine#inputGradient(float[], Tensor, ConvGeometry, float[])}). */
  private Tensor inputGradient(Tensor gradOutput, Shape inputShape, float[] mask) {
    ConvGeometry g = geometry(inputShape);
    Shape out = g.window().outputShape(g.batch(), g.outChannels(), spatialRank());
    OpChecks.require(gradOutput.shape().equals(out), TYPE, "output gradient " + gradOutput.shape()
        + " differs from the output " + out + " for input " + inputShape);
    return INTERNALS.adopt(inputShape, ConvEngine.inputGradient(
        INTERNALS.array(gradOutput), weight, g, mask));
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    return backward(ctx, gradOutput, false);
  }

  /** The input gradient masked by the input as each chunk of it is written. */
  @Override
  public Gradients backwardMasked(BackwardContext ctx, Tensor gradOutput) {
    return backward(ctx, gradOutput, true);
  }

  private Gradients backward(BackwardContext ctx, Tensor gradOutput, boolean masked) {
    Tensor x = ctx.input(0);
    Tensor gradX = ctx.needsInput(0)
        ? inputGradient(gradOutput, x.shape(), masked ? INTERNALS.array(x) : null) : null;
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      ConvGeometry g = geometry(x.shape());
      float[] gy = INTERNALS.array(gradOutput);
      params.put(Parameters.WEIGHT, INTERNALS.adopt(weight.shape(),
          ConvEngine.weightGradient(INTERNALS.array(x), gy, g)));
      if (bias != null) {
        params.put(Parameters.BIAS, INTERNALS.adopt(bias.shape(),
            ChannelSums.sum(gy, g.batch(), g.outChannels(), g.window().outArea())));
      }
    }
    return Gradients.of(new Tensor[] {gradX}, params);
  }

  /** The type, weight shape and attributes. */
  @Override
  public String toString() {
    return TYPE + "[weight=" + weight.shape() + (bias == null ? "" : ", bias=" + bias.shape())
        + ", strides=" + strides + ", pads=" + pads + ", dilations=" + dilations
        + ", group=" + group + "]";
  }
}
