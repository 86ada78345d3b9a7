package org.xai4j.explain;

import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * An attribution method: explains the decision of a graph on a batch of inputs for a target.
 *
 * <p>Implementations are immutable configurations (safe to share between threads); all their work
 * happens in {@link #explain}. Gradient-based methods run the one reverse pass
 * ({@link org.xai4j.backprop.Backprop}) with per-node overrides; none walks the graph itself.
 */
public interface Attributor {
  /**
   * Explains {@code target} for every sample of {@code input}.
   *
   * @param graph the model; it must have exactly one input
   * @param input a batch {@code [N, ...]} accepted by the graph's input
   * @param target what to explain (a class per sample, an output seed, or a hidden unit)
   * @return the relevance (shape documented by each method, the input shape unless stated) and the
   *     model output on {@code input}
   * @throws IllegalArgumentException if the input or the target does not fit the graph
   */
  Attribution explain(Graph graph, Tensor input, Target target);
}
