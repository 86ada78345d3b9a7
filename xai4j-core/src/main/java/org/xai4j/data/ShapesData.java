package org.xai4j.data;

import org.xai4j.tensor.Tensor;

/**
 * Images of {@link Shapes} with their ground truth.
 *
 * @param images the RGB images {@code [N, 3, H, W]} in {@code [0, 1]} and the class of each
 *     (the ordinal of its {@link ShapeKind})
 * @param masks {@code [N, 1, H, W]}: 1 where a pixel belongs to the object, 0 on the background
 */
public record ShapesData(LabeledImages images, Tensor masks) {
  /** Checks that there is one mask per image, of the image's height and width. */
  public ShapesData {
    var s = images.images().shape();
    if (!masks.shape().equals(s.withDim(1, 1))) {
      throw new IllegalArgumentException("masks " + masks.shape() + " do not fit images " + s);
    }
  }

  /** Number of images. */
  public int size() {
    return images.size();
  }
}
