package org.xai4j.explain;

import org.xai4j.graph.Graph;

/**
 * An attribution method's configuration: explains the decisions of a model once it is
 * {@linkplain #prepare prepared} for it.
 *
 * <p>Implementations are immutable (safe to share between threads). All the work that depends on
 * the model only (canonizing, resolving LRP rules and computing their modified weights, checking a
 * layer exists) happens once, in {@link #prepare}; the returned {@link Explainer} then explains any
 * number of batches. Gradient-based methods run the one reverse pass
 * ({@link org.xai4j.backprop.Backprop}) with per-node overrides; none walks the graph itself.
 *
 * <pre>{@code
 * Explainer lrp = Lrp.of(Composites.epsilonPlusFlat()).prepare(graph);   // rules prepared here
 * Attribution a = lrp.explain(images, Target.argmax());                  // once per batch
 * Explainer sg = SmoothGrad.defaults().withOverrides(LrpRules.of(Composites.epsilonPlusFlat())).prepare(graph);
 * }</pre>
 */
public interface Attributor {
  /**
   * This method prepared for {@code graph}.
   *
   * @param graph the model; it must have exactly one input
   * @throws IllegalArgumentException if the method does not fit the graph (for example an LRP
   *     composite leaves a layer without a rule, or a named layer does not exist)
   */
  Explainer prepare(Graph graph);
}
