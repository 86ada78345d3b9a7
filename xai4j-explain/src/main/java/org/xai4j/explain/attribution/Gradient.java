package org.xai4j.explain.attribution;

import java.util.Map;
import org.xai4j.backprop.Backprop;
import org.xai4j.backprop.NodeRules;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * The (possibly modified) gradient of the target with respect to the input: one forward pass and
 * one reverse pass with the given per-node overrides.
 *
 * <ul>
 *   <li>{@link #plain()}: the gradient, Captum's {@code Saliency(abs=False)}, Zennit's
 *       {@code Gradient}.
 *   <li>{@link #guidedBackprop()}: ReLUs overridden as in Guided Backprop (Captum
 *       {@code GuidedBackprop}, Zennit composite {@code GuidedBackprop}).
 *   <li>{@link #deconvnet()}: ReLUs overridden as in Deconvnet (Captum {@code Deconvolution},
 *       Zennit composite {@code DeconvNet}).
 * </ul>
 *
 * <p>The relevance has the input's shape. Example: {@code Gradient.plain().explain(graph, x,
 * Target.argmax())}.
 *
 * @param overrides per-node rules of the reverse pass ({@link NodeRules#none()} for the gradient)
 */
public record Gradient(NodeRules overrides) implements Attributor {
  /** The plain gradient. */
  public static Gradient plain() {
    return new Gradient(NodeRules.none());
  }

  /** Guided Backprop; see {@link ReluOverrides#guidedBackprop()}. */
  public static Gradient guidedBackprop() {
    return new Gradient(ReluOverrides.guidedBackprop());
  }

  /** Deconvnet; see {@link ReluOverrides#deconvnet()}. */
  public static Gradient deconvnet() {
    return new Gradient(ReluOverrides.deconvnet());
  }

  @Override
  public Attribution explain(Graph graph, Tensor input, Target target) {
    Trace trace = graph.forward(input);
    return new Attribution(inputSignal(trace, target, overrides), trace.output());
  }

  /** The reverse-pass signal at the input of a recorded forward pass, seeded by {@code target}. */
  static Tensor inputSignal(Trace trace, Target target, NodeRules rules) {
    String value = target.value(trace.graph());
    return Backprop.run(trace, Map.of(value, target.seed(trace)), rules, false).atInput();
  }
}
