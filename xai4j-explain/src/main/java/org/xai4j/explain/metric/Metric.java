package org.xai4j.explain.metric;

import org.xai4j.explain.Explainer;
import org.xai4j.tensor.Tensor;

/**
 * A measure of an explanation method that queries the model (forward passes on perturbed inputs,
 * explanations of perturbed inputs or of a modified model).
 *
 * @param <R> the result: numbers per sample, an aggregate, curves where the metric has them
 */
public interface Metric<R> {
  /**
   * Evaluates a prepared method on a batch (metrics that explain many perturbed batches reuse the
   * preparation; those that modify the model prepare {@link Explainer#method()} again).
   *
   * @param method the explanation method prepared for the model (one input, first output
   *     {@code [N, classes]})
   * @param input the batch {@code [N, ...]}
   * @param classes the explained class of each sample (length {@code N}); see
   *     {@link Classes#argmax}
   * @throws IllegalArgumentException if the shapes or the classes do not fit
   */
  R evaluate(Explainer method, Tensor input, int[] classes);
}
