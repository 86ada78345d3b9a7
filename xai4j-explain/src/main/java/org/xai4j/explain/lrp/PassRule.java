package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.Gradients;

/**
 * Passes the relevance at the output unchanged to the single input (Zennit's {@code Pass}), for
 * element-wise activations such as ReLU: {@code R_in = R_out}.
 */
public record PassRule() implements NodeRule {
  @Override
  public BackwardRule bind(Node node) {
    if (node.inputs().size() != 1) {
      throw new IllegalArgumentException("Pass rule needs a node with one input; node '" + node.name()
          + "' (" + node.op().type() + ") has " + node.inputs().size());
    }
    return (n, ctx, signal) -> {
      ctx.input(0).requireSameShape(signal, "Pass rule at node '" + n.name() + "' (" + n.op().type() + ")");
      return Gradients.ofInputs(signal);
    };
  }

  @Override
  public String toString() {
    return "Pass";
  }
}
