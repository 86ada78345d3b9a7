package org.xai4j.visualize.transform;

import java.util.random.RandomGenerator;
import org.xai4j.tensor.Tensor;

/**
 * A differentiable function of a batch of images {@code [N, C, H, W]}, possibly random (Lucid's
 * transformation robustness: pad, jitter, scale, rotate), or a fixed step such as resizing to the
 * model's input size or its normalization. Every transform is linear or affine in the image, and its
 * backward pass is the exact transposed map, so gradients flow back to the parameterization.
 *
 * <p>Randomness comes only from the {@code random} argument, so a seeded run repeats exactly; a
 * random transform draws the same choice for the whole batch, as Lucid and Lucent do.
 */
public interface Transform {
  /** Applies the transform, drawing any random choice from {@code random}. */
  Transformed apply(Tensor image, RandomGenerator random);

  /** A short description with the configuration, for reports. */
  String description();
}
