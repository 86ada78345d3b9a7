package org.xai4j.explain.attribution;

import org.xai4j.backprop.BackwardResult;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Explainer;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * The explainer of a method made of one forward and one reverse pass: its relevance and its value
 * at any hidden layer are the same function of the signal and the activation there.
 */
final class SinglePass {
  /** The method's value from the reverse-pass signal and the forward activation at one value. */
  @FunctionalInterface
  interface Transform {
    Tensor apply(String value, Tensor signal, Tensor activation, Tensor input);
  }

  private SinglePass() {}

  /**
   * {@code method} prepared for {@code graph}.
   *
   * @param relevanceAt the value whose transform is the relevance, or {@code null} for the input
   */
  static Explainer prepare(Attributor method, ReversePass pass, Graph graph, String relevanceAt, Transform f) {
    ReversePass.Bound p = pass.bind(graph);
    Graph run = p.graph();
    String at = relevanceAt == null ? run.inputs().get(0).name() : relevanceAt;
    if (!run.hasValue(at)) {
      throw new IllegalArgumentException(method + ": the graph has no value named '" + at + "'");
    }
    return Explainer.of(graph, method, (x, t) -> {
      Trace trace = run.forward(x);
      BackwardResult r = p.run(trace, t);
      return new Attribution(run, f.apply(at, r.at(at), trace.get(at), x), trace.output(),
          v -> r.reached(v) ? f.apply(v, r.at(v), trace.get(v), x) : null);
    });
  }
}
