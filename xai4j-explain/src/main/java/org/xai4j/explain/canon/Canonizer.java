package org.xai4j.explain.canon;

import java.util.function.UnaryOperator;
import org.xai4j.graph.Graph;

/**
 * A graph rewrite that brings a model into the form LRP rules expect while preserving its outputs
 * (up to float32 rounding): for example merging batch normalization into the preceding
 * convolution. Canonizers are pure functions from graph to graph; the input graph is unchanged.
 */
@FunctionalInterface
public interface Canonizer extends UnaryOperator<Graph> {
  /** This canonizer followed by {@code next}. */
  default Canonizer then(Canonizer next) {
    return g -> next.apply(apply(g));
  }
}
