package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;

/**
 * The op's own gradient as propagation rule. For max pooling this is the winner-takes-all rule
 * (all relevance of a window goes to its maximum), Zennit's default; for reshaping ops (Flatten,
 * Reshape) it moves relevance without changing it.
 */
public record GradientRule() implements NodeRule {
  @Override
  public BackwardRule bind(Node node) {
    return BackwardRule.gradient();
  }

  @Override
  public String toString() {
    return "Gradient";
  }
}
