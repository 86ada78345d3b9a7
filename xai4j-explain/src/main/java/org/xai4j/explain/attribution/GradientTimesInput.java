package org.xai4j.explain.attribution;

import org.xai4j.explain.Explainer;
import org.xai4j.graph.Graph;

/**
 * Gradient x Input, the simple Taylor decomposition at the origin: {@code R_i = x_i * df/dx_i}
 * (Captum {@code InputXGradient}, Zennit {@code Gradient} times input). The relevance has the
 * input's shape; at a hidden value it is the signal there times the activation. Example:
 * {@code GradientTimesInput.plain().prepare(graph).explain(x, Target.classes(3))}.
 *
 * @param pass the reverse pass ({@link ReversePass#gradient()} for the gradient)
 */
public record GradientTimesInput(ReversePass pass) implements GradientMethod<GradientTimesInput> {
  /** Gradient x Input with the plain gradient. */
  public static GradientTimesInput plain() {
    return new GradientTimesInput(ReversePass.gradient());
  }

  @Override
  public GradientTimesInput withPass(ReversePass p) {
    return new GradientTimesInput(p);
  }

  @Override
  public Explainer prepare(Graph graph) {
    return SinglePass.prepare(this, pass, graph, null, (value, signal, activation, input) -> signal.mul(activation));
  }
}
