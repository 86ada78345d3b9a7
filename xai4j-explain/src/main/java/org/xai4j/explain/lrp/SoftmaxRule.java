package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.op.LogSoftmax;
import org.xai4j.op.Softmax;
import org.xai4j.tensor.Tensor;

/**
 * AttnLRP's rule for softmax (Achtibat et al. 2024, Proposition 3.1; LXT's {@code softmax}): the
 * deep Taylor decomposition at the input, {@code R_x = x * (R - s * sum(R))} with the sum along the
 * softmax axis; {@code R - s * sum(R)} is the backward of the log-softmax with the same axis. No
 * division, so nothing to stabilize. Not conservative: the decomposition's bias takes
 * {@code sum(x * s) * sum(R)} per row. Inputs that are not finite (masked logits of {@code -inf})
 * count as 0, as in LXT, so they receive no relevance and no NaN.
 */
public record SoftmaxRule() implements NodeRule {
  /**
   * @throws IllegalArgumentException unless the node is a {@code Softmax}
   */
  @Override
  public BackwardRule bind(Node node) {
    if (!(node.op() instanceof Softmax softmax)) {
      throw new IllegalArgumentException("softmax rule needs a Softmax node; node '" + node.name() + "' is "
          + node.op().type());
    }
    LogSoftmax log = new LogSoftmax(softmax.axis(), softmax.coerceTo2d());
    return (n, ctx, signal) -> {
      if (!ctx.needsInput(0)) {
        return Gradients.ofInputs((Tensor) null);
      }
      Tensor logS = ctx.output().map(v -> (float) Math.log(v));
      Tensor centred = log.backward(new BackwardContext(ctx.inputs(), logS, ctx.neededInputs(), false), signal)
          .input(0);
      Tensor finite = ctx.input(0).map(v -> Float.isFinite(v) ? v : 0f);
      return Gradients.ofInputs(finite.mul(centred));
    };
  }

  @Override
  public String toString() {
    return "AttnLrpSoftmax";
  }
}
