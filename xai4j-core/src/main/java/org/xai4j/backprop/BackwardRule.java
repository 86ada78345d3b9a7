package org.xai4j.backprop;

import org.xai4j.graph.Node;
import org.xai4j.op.BackwardContext;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Tensor;

/**
 * How one node maps the signal arriving at its output to its inputs, in place of the op's own
 * gradient. Guided Backprop and Deconvnet override ReLU nodes with it; every LRP rule is one.
 */
@FunctionalInterface
public interface BackwardRule {
  /**
   * Maps {@code signal} (shape of the node's output) to one tensor per input the context asks
   * for; parameter entries are optional.
   */
  Gradients backward(Node node, BackwardContext ctx, Tensor signal);

  /** The rule that uses the op's own backward, i.e. the plain gradient. */
  static BackwardRule gradient() {
    return (node, ctx, signal) -> node.op().backward(ctx, signal);
  }
}
