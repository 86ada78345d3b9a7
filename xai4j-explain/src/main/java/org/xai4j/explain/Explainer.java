package org.xai4j.explain;

import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * An attribution method prepared for one model by {@link Attributor#prepare}: immutable and safe to
 * share between threads, so metrics, the CLI and Spark tasks explain many batches with the work
 * that depends on the model done once.
 */
public interface Explainer {
  /** The model as given to {@link Attributor#prepare} (before any canonizing). */
  Graph graph();

  /** The method this explainer was prepared from (metrics that modify the model prepare it again). */
  Attributor method();

  /**
   * Explains {@code target} for every sample of {@code input}.
   *
   * @param input a batch {@code [N, ...]} accepted by the graph's input
   * @param target what to explain (a class per sample, an output seed, or a hidden unit)
   * @return the relevance (shape documented by each method, the input shape unless stated), the
   *     model output on {@code input} and the method's values at hidden layers
   * @throws IllegalArgumentException if the input or the target does not fit the graph
   */
  Attribution explain(Tensor input, Target target);

  /** What an explainer computes for a batch and a target. */
  @FunctionalInterface
  interface Body {
    /** See {@link Explainer#explain}. */
    Attribution explain(Tensor input, Target target);
  }

  /**
   * An explainer of {@code graph} by {@code method} that runs {@code body}: the building block of
   * every {@link Attributor#prepare}.
   *
   * @throws IllegalArgumentException if the graph does not have exactly one input
   */
  static Explainer of(Graph graph, Attributor method, Body body) {
    if (graph.inputs().size() != 1) {
      throw new IllegalArgumentException(method + " needs a graph with one input; this one has " + graph.inputs());
    }
    return new Explainer() {
      @Override
      public Graph graph() {
        return graph;
      }

      @Override
      public Attributor method() {
        return method;
      }

      @Override
      public Attribution explain(Tensor input, Target target) {
        return body.explain(input, target);
      }

      @Override
      public String toString() {
        return method + " prepared";
      }
    };
  }
}
