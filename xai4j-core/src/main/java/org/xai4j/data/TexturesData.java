package org.xai4j.data;

import java.util.List;

/**
 * Images of {@link Textures} with their ground truth.
 *
 * @param images the RGB images {@code [N, 3, H, W]} in {@code [0, 1]} and the class of each (the
 *     ordinal of its {@link TextureKind})
 * @param parameters what each image was drawn from, in order
 */
public record TexturesData(LabeledImages images, List<TextureParameters> parameters) {
  /** Checks that there are as many parameters as images. */
  public TexturesData {
    parameters = List.copyOf(parameters);
    if (parameters.size() != images.size()) {
      throw new IllegalArgumentException(parameters.size() + " texture parameters for " + images.size() + " images");
    }
  }

  /** Number of images. */
  public int size() {
    return images.size();
  }
}
