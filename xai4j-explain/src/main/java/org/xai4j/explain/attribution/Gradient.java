package org.xai4j.explain.attribution;

import org.xai4j.explain.Explainer;
import org.xai4j.explain.Overrides;
import org.xai4j.graph.Graph;

/**
 * The (possibly modified) gradient of the target with respect to the input: one forward pass and
 * one reverse pass with the pass's per-node overrides. At a hidden value ({@code at}) it is the
 * same signal there.
 *
 * <ul>
 *   <li>{@link #plain()}: the gradient, Captum's {@code Saliency(abs=False)}, Zennit's
 *       {@code Gradient}.
 *   <li>{@link #guidedBackprop()}: ReLUs overridden as in Guided Backprop (Captum
 *       {@code GuidedBackprop}, Zennit composite {@code GuidedBackprop}).
 *   <li>{@link #deconvnet()}: ReLUs overridden as in Deconvnet (Captum {@code Deconvolution},
 *       Zennit composite {@code DeconvNet}).
 *   <li>with LRP rules as overrides and the seed times the output it is LRP
 *       ({@link org.xai4j.explain.lrp.Lrp#of}).
 * </ul>
 *
 * <p>The relevance has the input's shape. Example: {@code Gradient.plain().prepare(graph).explain(x,
 * Target.argmax())}.
 *
 * @param pass the reverse pass
 */
public record Gradient(ReversePass pass) implements GradientMethod<Gradient> {
  /** The plain gradient. */
  public static Gradient plain() {
    return new Gradient(ReversePass.gradient());
  }

  /** Guided Backprop; see {@link ReluOverrides#guidedBackprop()}. */
  public static Gradient guidedBackprop() {
    return plain().withOverrides(Overrides.of(ReluOverrides.guidedBackprop()));
  }

  /** Deconvnet; see {@link ReluOverrides#deconvnet()}. */
  public static Gradient deconvnet() {
    return plain().withOverrides(Overrides.of(ReluOverrides.deconvnet()));
  }

  @Override
  public Gradient withPass(ReversePass p) {
    return new Gradient(p);
  }

  @Override
  public Explainer prepare(Graph graph) {
    return SinglePass.prepare(this, pass, graph, null, (value, signal, activation, input) -> signal);
  }
}
