package org.xai4j.explain.attribution;

import java.util.Set;
import org.xai4j.backprop.BackwardResult;
import org.xai4j.explain.Attribution;
import org.xai4j.explain.Attributor;
import org.xai4j.explain.Explainer;
import org.xai4j.explain.Target;
import org.xai4j.graph.Graph;
import org.xai4j.graph.Trace;
import org.xai4j.tensor.Tensor;

/**
 * The explainer of a method made of one forward and one reverse pass: its relevance and its value
 * at any hidden layer are the same function of the signal and the activation there.
 *
 * <p>The reverse pass keeps only the signal at the relevance's value, so that it may fuse ReLUs
 * into their readers (see {@link org.xai4j.backprop.Backprop}); a hidden value it did not keep is
 * served, on first request, by a second reverse pass that keeps every value (same bits), so only
 * callers that read such values pay for it.
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
      BackwardResult r = p.run(trace, t, Set.of(at));
      Unfused all = new Unfused(p, trace, t);
      return new Attribution(run, f.apply(at, r.at(at), trace.get(at), x), trace.output(), v -> {
        BackwardResult s = r.kept(v) ? r : all.result();
        return s.reached(v) ? f.apply(v, s.at(v), trace.get(v), x) : null;
      });
    });
  }

  /** The reverse pass keeping every value, run once, on first use. */
  private static final class Unfused {
    private final ReversePass.Bound pass;
    private final Trace trace;
    private final Target target;
    private BackwardResult result;

    Unfused(ReversePass.Bound pass, Trace trace, Target target) {
      this.pass = pass;
      this.trace = trace;
      this.target = target;
    }

    synchronized BackwardResult result() {
      if (result == null) {
        result = pass.runKeepingAll(trace, target);
      }
      return result;
    }
  }
}
