package org.xai4j.visualize.render;

import java.util.List;
import java.util.Map;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Conv;
import org.xai4j.op.Gradients;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * A 2-D convolution that computes only some of its output channels; the others are zero. Its
 * forward pass and input gradient are those of a convolution with just the kept filters
 * ({@code k / M} of the full cost), placed into and read out of the full channel layout. It has no
 * parameter gradients: {@link ChannelPruning} puts it in a graph that only feature visualization runs.
 *
 * @param full the convolution it stands for
 * @param channels the output channels computed, increasing
 * @param subset the convolution with the kept filters (and biases) only
 */
record ChannelSubsetConv(Conv full, int[] channels, Conv subset) implements Op {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private static final String TYPE = "ChannelSubsetConv";

  /** The convolution {@code full} restricted to {@code channels} (increasing, within its output channels). */
  static ChannelSubsetConv of(Conv full, int[] channels) {
    Tensor w = full.weight();
    int filter = w.size() / w.shape().dim(0);
    float[] all = INTERNALS.array(w);
    float[] kept = new float[channels.length * filter];
    float[] bias = full.bias() == null ? null : new float[channels.length];
    for (int i = 0; i < channels.length; i++) {
      System.arraycopy(all, channels[i] * filter, kept, i * filter, filter);
      if (bias != null) {
        bias[i] = full.bias().getFlat(channels[i]);
      }
    }
    int[] dims = w.shape().toArray();
    dims[0] = channels.length;
    Conv subset = new Conv(INTERNALS.adopt(Shape.of(dims), kept),
        bias == null ? null : INTERNALS.adopt(Shape.of(channels.length), bias),
        full.strides(), full.pads(), full.dilations(), full.group());
    return new ChannelSubsetConv(full, channels.clone(), subset);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Shape outputShape(List<Shape> inputs) {
    return full.outputShape(inputs);
  }

  @Override
  public Tensor forward(List<Tensor> inputs) {
    Tensor part = subset.forward(inputs);
    Shape shape = full.outputShape(List.of(inputs.get(0).shape()));
    float[] out = new float[shape.size()];
    copyChannels(INTERNALS.array(part), out, shape, true);
    return INTERNALS.adopt(shape, out);
  }

  @Override
  public Gradients backward(BackwardContext ctx, Tensor gradOutput) {
    if (ctx.needsParameters()) {
      throw new IllegalStateException(TYPE + " computes no parameter gradients (it only serves feature visualization)");
    }
    if (!ctx.needsInput(0)) {
      return Gradients.of(new Tensor[] {null}, Map.of());
    }
    Shape shape = gradOutput.shape();
    Shape kept = shape.withDim(1, channels.length);
    float[] part = new float[kept.size()];
    copyChannels(part, INTERNALS.array(gradOutput), shape, false);
    Tensor gradX = subset.inputGradient(INTERNALS.adopt(kept, part), ctx.input(0).shape());
    return Gradients.of(new Tensor[] {gradX}, Map.of());
  }

  /** Copies between the kept channels' array {@code part} and the full layout {@code full} of {@code shape}. */
  private void copyChannels(float[] part, float[] full, Shape shape, boolean intoFull) {
    int batch = shape.dim(0);
    int m = shape.dim(1);
    int area = shape.size() / (batch * m);
    for (int n = 0; n < batch; n++) {
      for (int i = 0; i < channels.length; i++) {
        int p = (n * channels.length + i) * area;
        int f = (n * m + channels[i]) * area;
        if (intoFull) {
          System.arraycopy(part, p, full, f, area);
        } else {
          System.arraycopy(full, f, part, p, area);
        }
      }
    }
  }

  @Override
  public String toString() {
    return TYPE + "[" + channels.length + " of " + full + "]";
  }
}
