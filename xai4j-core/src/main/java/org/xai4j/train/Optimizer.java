package org.xai4j.train;

import org.xai4j.tensor.Tensor;

/**
 * A first-order optimizer: an immutable configuration ({@link Sgd}, {@link Adam}) that creates the
 * mutable per-run {@link State} holding moments and step counts.
 */
public sealed interface Optimizer permits Sgd, Adam {
  /** A fresh state for one training run (no moments, step count 0). */
  State newState();

  /** The moments of one training run, keyed by parameter. Not thread-safe; one per run. */
  interface State {
    /**
     * One update of a parameter with the learning rate scaled by {@code learningRateFactor}
     * (from a {@link LearningRateSchedule}).
     *
     * @param key identifies the parameter across steps (for example {@code node/weight})
     * @param parameter the current value
     * @param gradient the gradient of the loss with respect to it, same shape
     * @param learningRateFactor multiplies the configured learning rate for this update
     * @return the updated value
     * @throws IllegalArgumentException naming the key and both shapes if they differ
     */
    Tensor step(String key, Tensor parameter, Tensor gradient, double learningRateFactor);

    /** One update with the configured learning rate. */
    default Tensor step(String key, Tensor parameter, Tensor gradient) {
      return step(key, parameter, gradient, 1);
    }
  }
}
