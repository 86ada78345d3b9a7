package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;
import org.xai4j.op.Gradients;
import org.xai4j.tensor.Tensor;

/**
 * Passes the relevance at the output unchanged to the first input (Zennit's {@code Pass}), for
 * element-wise activations such as ReLU: {@code R_in = R_out}. Further inputs, which must be
 * constants such as the exponent of a {@code Pow}, receive none.
 */
public record PassRule() implements NodeRule {
  @Override
  public BackwardRule bind(Node node) {
    if (node.inputs().isEmpty()) {
      throw new IllegalArgumentException("Pass rule needs a node with an input; node '" + node.name()
          + "' (" + node.op().type() + ") has none");
    }
    return (n, ctx, signal) -> {
      ctx.input(0).requireSameShape(signal, "Pass rule at node '" + n.name() + "' (" + n.op().type() + ")");
      for (int i = 1; i < ctx.inputs().size(); i++) {
        if (ctx.needsInput(i)) {
          throw new IllegalArgumentException("Pass rule at node '" + n.name() + "' (" + n.op().type()
              + "): input " + i + " is computed, not a constant; only the first input may carry relevance");
        }
      }
      Tensor[] relevance = new Tensor[ctx.inputs().size()];
      relevance[0] = signal;
      return Gradients.ofInputs(relevance);
    };
  }

  @Override
  public String toString() {
    return "Pass";
  }
}
