package org.xai4j.explain.metric;

import org.xai4j.explain.Attributor;
import org.xai4j.graph.Graph;
import org.xai4j.tensor.Tensor;

/**
 * A measure of an explanation method that queries the model (forward passes on perturbed inputs,
 * explanations of perturbed inputs or of a modified model).
 *
 * @param <R> the result: numbers per sample, an aggregate, curves where the metric has them
 */
public interface Metric<R> {
  /**
   * Evaluates {@code method} on a batch.
   *
   * @param graph the model, one input, first output {@code [N, classes]}
   * @param input the batch {@code [N, ...]}
   * @param classes the explained class of each sample (length {@code N}); see
   *     {@link Classes#argmax}
   * @param method the explanation method
   * @throws IllegalArgumentException if the shapes or the classes do not fit
   */
  R evaluate(Graph graph, Tensor input, int[] classes, Attributor method);
}
