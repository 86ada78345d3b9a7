package org.xai4j.train;

import org.xai4j.tensor.Tensor;

/** Argument checks shared by the optimizers. */
final class Updates {
  private Updates() {}

  static void requireSameShape(String key, Tensor parameter, Tensor gradient) {
    if (!parameter.shape().equals(gradient.shape())) {
      throw new IllegalArgumentException("parameter '" + key + "' has shape " + parameter.shape()
          + " but its gradient has shape " + gradient.shape());
    }
  }
}
