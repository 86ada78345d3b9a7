package org.xai4j.models;

import org.xai4j.data.Textures;
import org.xai4j.data.TexturesData;

/**
 * The held-out test set of the bundled {@code textures-cnn}: {@value #COUNT} {@link Textures} images of
 * seed {@value #SEED} (the training images use another seed), on which the recipe measures its accuracy.
 */
public final class TexturesHeldOut {
  /** Number of held-out images. */
  public static final int COUNT = 1200;
  /** Seed of the held-out images. */
  public static final long SEED = 2L;

  private TexturesHeldOut() {}

  /** Generates the held-out set: {@code Textures.generate(COUNT, SEED)}. */
  public static TexturesData generate() {
    return Textures.generate(COUNT, SEED);
  }
}
