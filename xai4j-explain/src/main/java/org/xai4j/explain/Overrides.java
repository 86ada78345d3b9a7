package org.xai4j.explain;

import org.xai4j.backprop.NodeRules;
import org.xai4j.graph.Graph;

/**
 * Per-node overrides of the reverse pass of a gradient-family method, bound to a model when the
 * method is {@linkplain Attributor#prepare prepared}: fixed {@link NodeRules} (Guided Backprop's
 * ReLUs) or an LRP composite ({@link org.xai4j.explain.lrp.LrpRules}), which may canonize the graph
 * first and computes its modified weights once, in {@link #bind}. Every gradient-family method
 * takes them, so SmoothGrad or Integrated Gradients over an LRP composite work as in Zennit.
 */
@FunctionalInterface
public interface Overrides {
  /**
   * The graph the reverse pass runs on and its rules, prepared once per model.
   *
   * @throws IllegalArgumentException if the overrides do not fit the graph
   */
  Bound bind(Graph graph);

  /**
   * Overrides bound to a model.
   *
   * @param graph the graph to run (the model itself, or its canonized form)
   * @param rules the rules of the reverse pass on {@code graph}
   */
  record Bound(Graph graph, NodeRules rules) {}

  /** No overrides: the plain gradient. */
  static Overrides none() {
    return Fixed.NONE;
  }

  /** The same rules for every model, on the graph as given. */
  static Overrides of(NodeRules rules) {
    return new Fixed(rules);
  }

  /**
   * See {@link Overrides#of}.
   *
   * @param rules the rules
   */
  record Fixed(NodeRules rules) implements Overrides {
    static final Fixed NONE = new Fixed(NodeRules.none());

    @Override
    public Bound bind(Graph graph) {
      return new Bound(graph, rules);
    }

    @Override
    public String toString() {
      return this == NONE ? "none" : "rules " + rules;
    }
  }
}
