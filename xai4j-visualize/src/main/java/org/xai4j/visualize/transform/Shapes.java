package org.xai4j.visualize.transform;

import org.xai4j.tensor.Tensor;

/** Checks shared by the transforms. */
final class Shapes {
  private Shapes() {}

  static void requireImage(Tensor image, Transform t) {
    if (image.rank() != 4) {
      throw new IllegalArgumentException(t.description() + ": expected images [N, C, H, W], got shape " + image.shape());
    }
  }
}
