package org.xai4j.op;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Transposed convolution as in ONNX {@code ConvTranspose} (1-D or 2-D): the input gradient of the
 * {@link Conv} with the same weight and attributes, plus a bias. Each input position scatters
 * {@code x[n, c, i] * weight[c, m, k]} to output position
 * {@code i * strides - pads_begin + k * dilations}; the output extent per axis is
 * {@code strides * (in - 1) + output_padding + dilations * (kernel - 1) + 1 - pads_begin - pads_end}.
 *
 * <p>Forward, input gradient and weight gradient are the input gradient, forward and weight
 * gradient of that convolution, run by the same code. The ONNX attributes {@code output_shape} and
 * {@code auto_pad} are not supported: give explicit {@code pads} and {@code output_padding}.
 *
 * @param weight {@code [C, M / group, kH, kW]} (or {@code [C, M / group, kL]}), C the input
 *     channels
 * @param bias {@code [M]}, or {@code null} for none
 * @param strides step per spatial axis; {@code null} or empty for all 1
 * @param pads cropping of the full output, all begins then all ends; {@code null} or empty for 0
 * @param outputPadding extra extent at the end of each axis, less than the stride or the
 *     dilation; {@code null} or empty for all 0
 * @param dilations tap spacing per spatial axis; {@code null} or empty for all 1
 * @param group number of channel groups
 */
public record ConvTranspose(Tensor weight, Tensor bias, List<Integer> strides, List<Integer> pads,
    List<Integer> outputPadding, List<Integer> dilations, int group) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "ConvTranspose";

  /**
   * Fills in default attributes and validates them.
   *
   * @throws IllegalArgumentException naming the op and the shapes if the weight rank, an
   *     attribute, the group or the bias shape does not fit
   */
  public ConvTranspose {
    int rank = weight.rank() - 2;
    SlidingWindow.requireSpatialRank(TYPE, "weight " + weight.shape(), rank);
    strides = SlidingWindow.strides(TYPE, strides, rank);
    pads = SlidingWindow.pads(TYPE, pads, rank);
    outputPadding = SlidingWindow.outputPadding(TYPE, outputPadding, rank);
    dilations = SlidingWindow.dilations(TYPE, dilations, rank);
    for (int i = 0; i < rank; i++) {
      OpChecks.require(outputPadding.get(i) < Math.max(strides.get(i), dilations.get(i)), TYPE,
          "output_padding " + outputPadding + " must be smaller than strides " + strides
              + " or dilations " + dilations);
    }
    int c = weight.shape().dim(0);
    OpChecks.require(group >= 1 && c % group == 0, TYPE, "group " + group
        + " does not divide the " + c + " input channels of weight " + weight.shape());
    int m = weight.shape().dim(1) * group;
    OpChecks.require(bias == null || bias.shape().equals(Shape.of(m)), TYPE,
        "bias " + (bias == null ? "" : bias.shape()) + " must be [" + m + "] for weight "
            + weight.shape() + " with group " + group);
  }

  /** An ungrouped transposed convolution with unit strides and dilations and no padding. */
  public static ConvTranspose of(Tensor weight, Tensor bias) {
    return new ConvTranspose(weight, bias, null, null, null, null, 1);
  }

  @Override
  public String type() {
    return TYPE;
  }

  /** Number of spatial axes (1 or 2). */
  public int spatialRank() {
    return weight.rank() - 2;
  }

  @Override
  public Parameters parameters() {
    return Parameters.of(Parameters.WEIGHT, weight, Parameters.BIAS, bias);
  }

  @Override
  public Op withParameters(Parameters p) {
    parameters().requireCompatible(p, type());
    return new ConvTranspose(p.get(Parameters.WEIGHT), p.getOrNull(Parameters.BIAS), strides, pads, outputPadding,
        dilations, group);
  }

  /**
   * The geometry of the convolution whose input gradient this op is: its input is this op's
   * output and its output is this op's input.
   */
  private ConvGeometry geometry(Shape input) {
    int rank = spatialRank();
    OpChecks.rank(TYPE, "input", input, rank + 2);
    int c = weight.shape().dim(0);
    OpChecks.require(input.dim(1) == c, TYPE, "input " + input + " has " + input.dim(1)
        + " channels but weight " + weight.shape() + " expects " + c);
    WindowAxis[] axes = new WindowAxis[rank];
    for (int i = 0; i < rank; i++) {
      int in = input.dim(2 + i);
      int k = weight.shape().dim(2 + i);
      int s = strides.get(i);
      int d = dilations.get(i);
      long extent = (long) s * (in - 1) + outputPadding.get(i) + (long) d * (k - 1) + 1 - pads.get(i)
          - pads.get(rank + i);
      OpChecks.require(extent >= 1, TYPE, "pads " + pads + " crop the whole output of input " + input
          + " with weight " + weight.shape());
      // The window arithmetic runs in int over the padded output: it must fit.
      OpChecks.extent(TYPE, extent + pads.get(i) + pads.get(rank + i), "spatial axis " + i
          + " of the padded output for input " + input + ", weight " + weight.shape() + ", strides " + strides);
      int out = (int) extent;
      axes[i] = new WindowAxis(out, k, s, pads.get(i), pads.get(rank + i), d, in);
    }
    return new ConvGeometry(
        input.dim(0), weight.shape().dim(1) * group, c, group, SlidingWindow.of(axes));
  }

  private Shape outputShape(ConvGeometry g) {
    return g.window().inputShape(g.batch(), g.inChannels(), spatialRank());
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    return outputShape(geometry(inputs.get(0)));
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    OpChecks.arity(TYPE, inputs, 1);
    ConvGeometry g = geometry(inputs.get(0).shape());
    float[] y = ConvEngine.inputGradient(INTERNALS.array(inputs.get(0)), weight, g);
    if (bias != null) {
      ChannelSums.addBias(y, INTERNALS.array(bias), g.batch(), g.inChannels(),
          g.window().inArea());
    }
    return INTERNALS.adopt(outputShape(g), y);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    Tensor x = ctx.input(0);
    ConvGeometry g = geometry(x.shape());
    OpChecks.require(gradOutput.shape().equals(outputShape(g)), TYPE, "output gradient "
        + gradOutput.shape() + " differs from the output " + outputShape(g) + " for input " + x.shape());
    float[] gy = INTERNALS.array(gradOutput);
    Tensor gradX = ctx.needsInput(0)
        ? INTERNALS.adopt(x.shape(), ConvEngine.forward(gy, weight, g)) : null;
    Map<String, Tensor> params = new LinkedHashMap<>();
    if (ctx.needsParameters()) {
      params.put(Parameters.WEIGHT, INTERNALS.adopt(weight.shape(),
          ConvEngine.weightGradient(gy, INTERNALS.array(x), g)));
      if (bias != null) {
        params.put(Parameters.BIAS, INTERNALS.adopt(bias.shape(),
            ChannelSums.sum(gy, g.batch(), g.inChannels(), g.window().inArea())));
      }
    }
    return Gradients.of(new Tensor[] {gradX}, params);
  }

  /** The type, weight shape and attributes. */
  @Override
  public String toString() {
    return TYPE + "[weight=" + weight.shape() + (bias == null ? "" : ", bias=" + bias.shape())
        + ", strides=" + strides + ", pads=" + pads + ", output_padding=" + outputPadding
        + ", dilations=" + dilations + ", group=" + group + "]";
  }
}
