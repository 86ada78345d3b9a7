package org.xai4j.models;

import org.xai4j.data.Shapes;
import org.xai4j.data.ShapesData;

/**
 * The held-out test set of the bundled {@code shapes-cnn}: {@value #COUNT} {@link Shapes} images of seed
 * {@value #SEED} (the training images use another seed), on which the recipe measures its accuracy and
 * {@code xai4j evaluate --data shapes} measures explanations.
 */
public final class ShapesHeldOut {
  /** Number of held-out images. */
  public static final int COUNT = 1000;
  /** Seed of the held-out images. */
  public static final long SEED = 2L;

  private ShapesHeldOut() {}

  /** Generates the held-out set: {@code Shapes.generate(COUNT, SEED)}, images with their object masks. */
  public static ShapesData generate() {
    return Shapes.generate(COUNT, SEED);
  }
}
