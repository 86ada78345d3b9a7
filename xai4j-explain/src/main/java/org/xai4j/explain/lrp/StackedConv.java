package org.xai4j.explain.lrp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xai4j.op.Conv;
import org.xai4j.op.Op;
import org.xai4j.tensor.Shape;
import org.xai4j.tensor.Tensor;
import org.xai4j.tensor.TensorInternals;

/**
 * Copies of one ungrouped convolution with different (modified) weights, stacked along the output
 * channels, so that the sum of their transposed convolutions runs as one:
 * {@code sum_t c_t W_t^T g_t = [W_1; ...; W_T]^T [c_1 g_1; ...; c_T g_T]}. One im2col-shaped
 * product with {@code T} times the output channels and one col2im replace {@code T} of each (the
 * positive and negative weights of LRP-alpha-beta at batch 1: a better shaped product and half
 * the scatter work). Immutable.
 */
final class StackedConv {
  private static final TensorInternals INTERNALS = TensorInternals.access();

  private final Conv stacked;
  private final int copies;
  private final int channels;

  private StackedConv(Conv stacked, int copies, int channels) {
    this.stacked = stacked;
    this.copies = copies;
    this.channels = channels;
  }

  /**
   * The stack of {@code ops}, if there are at least two and all are ungrouped {@link Conv}s (copies
   * of one layer: same attributes and weight shape).
   */
  static Optional<StackedConv> of(List<Op> ops) {
    if (ops.size() < 2) {
      return Optional.empty();
    }
    List<Tensor> weights = new ArrayList<>(ops.size());
    for (Op op : ops) {
      if (!(op instanceof Conv c) || c.group() != 1) {
        return Optional.empty();
      }
      weights.add(c.weight());
    }
    Conv first = (Conv) ops.get(0);
    Conv stacked = new Conv(Tensor.concat0(weights), null, first.strides(), first.pads(), first.dilations(), 1);
    return Optional.of(new StackedConv(stacked, ops.size(), first.weight().shape().dim(0)));
  }

  /**
   * {@code sum_t coefficients[t] W_t^T signals[t]} for an input of shape {@code inputShape}.
   *
   * @param signals one output signal {@code [N, M, ...]} per copy (an entry may be shared)
   * @param coefficients one factor per copy
   */
  Tensor inputGradient(float[][] signals, float[] coefficients, Shape outputShape, Shape inputShape) {
    int batch = outputShape.dim(0);
    int block = outputShape.size() / batch;
    float[] joined = new float[block * copies * batch];
    for (int n = 0; n < batch; n++) {
      for (int t = 0; t < copies; t++) {
        float c = coefficients[t];
        float[] s = signals[t];
        int from = n * block;
        int to = (n * copies + t) * block;
        ElementRanges.run(block, (lo, hi) -> {
          for (int i = lo; i < hi; i++) {
            joined[to + i] = c * s[from + i];
          }
        });
      }
    }
    Shape joinedShape = outputShape.withDim(1, channels * copies);
    return stacked.inputGradient(INTERNALS.adopt(joinedShape, joined), inputShape);
  }
}
