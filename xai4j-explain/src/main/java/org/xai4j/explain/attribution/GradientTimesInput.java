package org.xai4j.explain.attribution;

import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * Gradient x Input, the simple Taylor decomposition at the origin: {@code R_i = x_i * df/dx_i}
 * (Captum {@code InputXGradient}, Zennit {@code Gradient} times input). The relevance has the
 * input's shape. Example: {@code GradientTimesInput.plain().explain(graph, x, Target.classes(3))}.
 *
 * @param overrides per-node rules of the reverse pass ({@link NodeRules#none()} for the gradient)
 */
public record GradientTimesInput(NodeRules overrides) implements Attributor {
  /** Gradient x Input with the plain gradient. */
  public static GradientTimesInput plain() {
    return new GradientTimesInput(NodeRules.none());
  }

  @Override
  public Attribution explain(Graph graph, Tensor input, Target target) {
    Trace trace = graph.forward(input);
    return new Attribution(Gradient.inputSignal(trace, target, overrides).mul(input), trace.output());
  }
}
