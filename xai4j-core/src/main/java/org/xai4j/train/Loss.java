package org.xai4j.train;

import org.xai4j.tensor.Tensor;

/**
 * A training objective: maps a batch of model outputs and their targets to a scalar loss (a mean
 * over the batch, so that losses of different batch sizes compare) and its gradient.
 */
public interface Loss {
  /**
   * The loss of {@code output} against {@code target} and its gradient with respect to
   * {@code output}.
   *
   * @throws IllegalArgumentException naming the loss and both shapes if they do not fit
   */
  LossValue evaluate(Tensor output, Tensor target);

  /** Whether targets are class probabilities, so that accuracy (arg-max agreement) is meaningful. */
  default boolean isClassification() {
    return false;
  }
}
