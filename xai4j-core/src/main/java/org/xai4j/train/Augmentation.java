package org.xai4j.train;

import java.util.Random;
import org.xai4j.tensor.Tensor;

/**
 * A random transformation of each training minibatch (data augmentation), applied by
 * {@link Trainer} before the forward pass. Implementations must draw all randomness from the
 * given {@link Random}, so that training stays reproducible for a seed.
 */
@FunctionalInterface
public interface Augmentation {
  /** The transformed batch, of the same shape as {@code inputs}. */
  Tensor apply(Tensor inputs, Random random);

  /** No augmentation. */
  static Augmentation none() {
    return (inputs, random) -> inputs;
  }
}
