package org.xai4j.explain.lrp;

import org.xai4j.backprop.BackwardRule;
import org.xai4j.graph.Node;

/**
 * An LRP rule for one node, as data: it prints, compares, and is turned into the executable
 * {@link BackwardRule} of the one reverse pass ({@link org.xai4j.backprop.Backprop}) by
 * {@link #bind}, which does all per-node preparation (such as modified weights) once.
 */
public sealed interface NodeRule permits LinearRule, PassRule, NormRule, GradientRule, MaxPoolAsAverageRule,
    ProductRule, SoftmaxRule, LayerNormRule {
  /**
   * The executable rule for this node, prepared once and reusable for any number of passes and
   * threads.
   *
   * @throws IllegalArgumentException naming the node and its op if the rule does not apply to it
   */
  BackwardRule bind(Node node);
}
